package kz.senim.people;

import java.util.Optional;
import java.util.regex.Pattern;
import kz.senim.cases.InvalidInput.Violation;
import kz.senim.cases.InvalidInput;

/** The id of a signed-in person (the token's {@code sub}), as a coordinator names an assignee: 1–128 of {@code [A-Za-z0-9._@-]}. */
public record PersonId(String value) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");

    public PersonId {
        if (value == null) {
            throw new InvalidInput("personId", Violation.MISSING);
        }
        if (value.isEmpty()) {
            throw new InvalidInput("personId", Violation.BLANK);
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput("personId", Violation.TOO_LONG, MAX_LENGTH);
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidInput("personId", Violation.INVALID_TEXT);
        }
    }

    /** The id if {@code value} is one; empty otherwise (a token's {@code sub} Senim could never have recorded). */
    public static Optional<PersonId> parse(String value) {
        try {
            return Optional.of(new PersonId(value));
        } catch (InvalidInput notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
