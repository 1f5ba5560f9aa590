package kz.senim.handling;

import java.util.Objects;
import java.util.Optional;
import kz.senim.cases.ClosingOutcome;
import kz.senim.cases.InvalidInput.Violation;
import kz.senim.cases.InvalidInput;
import kz.senim.cases.Text;

/**
 * A requested change of a case's status: {@code in_progress} (start work, or reopen a closed case with a reason) or
 * {@code closed} (with an outcome).
 */
public record CaseTransition(Target to, Optional<ClosingOutcome> outcome, Optional<String> reason) {

    public static final int MAX_REASON = 500;

    public enum Target {
        IN_PROGRESS("in_progress"),
        CLOSED("closed");

        private final String code;

        Target(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Target> fromCode(String code) {
            return java.util.Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
        }
    }

    public CaseTransition {
        Objects.requireNonNull(to, "to");
        reason = reason.map(text -> Text.bounded("reason", text, MAX_REASON)).filter(text -> !text.isEmpty());
        if (to == Target.CLOSED && outcome.isEmpty()) {
            throw new InvalidInput("outcome", Violation.MISSING);
        }
        if (to == Target.IN_PROGRESS) {
            outcome = Optional.empty();
        }
    }

    public static CaseTransition startWork() {
        return new CaseTransition(Target.IN_PROGRESS, Optional.empty(), Optional.empty());
    }

    public static CaseTransition reopen(String reason) {
        return new CaseTransition(Target.IN_PROGRESS, Optional.empty(), Optional.of(reason));
    }

    public static CaseTransition close(ClosingOutcome outcome) {
        return new CaseTransition(Target.CLOSED, Optional.of(outcome), Optional.empty());
    }

    @Override
    public String toString() {
        return "CaseTransition[" + to.code() + outcome.map(o -> ", " + o.code()).orElse("") + "]";
    }
}
