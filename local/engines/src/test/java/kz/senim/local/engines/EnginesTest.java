package kz.senim.local.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnginesTest {

    private String saved;

    @BeforeEach
    void clear() {
        saved = System.clearProperty(Engines.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Engines.PROPERTY);
        } else {
            System.setProperty(Engines.PROPERTY, saved);
        }
    }

    @Test
    void embeddedByDefault() {
        assertThat(Engines.selected()).isEqualTo(Engines.EMBEDDED);
        assertThat(Engines.embedded()).isTrue();
        System.setProperty(Engines.PROPERTY, "  ");
        assertThat(Engines.selected()).isEqualTo(Engines.EMBEDDED);
    }

    @Test
    void localStackIsFoundOnlyWhenBuiltWithItsProfile() {
        System.setProperty(Engines.PROPERTY, "LocalStack");
        assertThat(Engines.selected()).isEqualTo(Engines.LOCALSTACK);
        assertThat(Engines.embedded()).isFalse();
        if (builtWithLocalStackProfile()) {
            assertThat(Engines.provider(Engines.LOCALSTACK).name()).isEqualTo(Engines.LOCALSTACK);
        } else {
            assertThatThrownBy(() -> Engines.provider(Engines.selected()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("-Dsenim.engine=localstack selects no engine")
                    .hasMessageContaining("-Plocalstack");
        }
    }

    @Test
    void unknownEnginesAreRejectedClearly() {
        assertThatThrownBy(() -> Engines.provider("bogus"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dsenim.engine=bogus selects no engine");
    }

    private static boolean builtWithLocalStackProfile() {
        try {
            Class.forName("kz.senim.local.engines.LocalStackEngineProvider", false, EnginesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
