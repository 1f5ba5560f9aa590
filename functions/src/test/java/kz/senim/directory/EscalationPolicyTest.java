package kz.senim.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    private static final List<EscalationPolicy.Step> TWO = List.of(
            new EscalationPolicy.Step(Duration.ofMinutes(10), "kz-75-commission"),
            new EscalationPolicy.Step(Duration.ofMinutes(20), "national-secretariat"));

    @Test
    void a_policy_pages_at_most_the_contracts_bound_of_steps_in_all() {
        EscalationPolicy longest = new EscalationPolicy(TWO, EscalationPolicy.MAX_STEPS / 2);

        assertThat(longest.allSteps()).hasSize(EscalationPolicy.MAX_STEPS);
        assertThat(longest.step(EscalationPolicy.MAX_STEPS - 1)).isPresent();
        assertThat(longest.step(EscalationPolicy.MAX_STEPS)).isEmpty();
        assertThatThrownBy(() -> new EscalationPolicy(TWO, EscalationPolicy.MAX_STEPS / 2 + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }
}
