package kz.senim.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens to an organisation's alert nobody acknowledges: each step waits, then pages a target organisation
 * (itself again, or the next level); the steps run {@code repeat} times over, then escalation stops.
 */
public record EscalationPolicy(List<Step> steps, int repeat) {

    public record Step(Duration delay, String targetOrganisationId) {
        public Step {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("an escalation step must wait");
            }
        }
    }

    /** Pages one alert may raise at most, over all repetitions (the contract's bound on {@code escalationStep}). */
    public static final int MAX_STEPS = 100;

    public EscalationPolicy {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || repeat < 1) {
            throw new IllegalArgumentException("an escalation policy needs steps and repeat >= 1");
        }
        if ((long) steps.size() * repeat > MAX_STEPS) {
            throw new IllegalArgumentException("an escalation policy takes at most " + MAX_STEPS + " steps in all");
        }
    }

    /** Step {@code index} (0-based over all repetitions), or empty when escalation is over. */
    public Optional<Step> step(int index) {
        return index < steps.size() * repeat ? Optional.of(steps.get(index % steps.size())) : Optional.empty();
    }

    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            all.addAll(steps);
        }
        return all;
    }
}
