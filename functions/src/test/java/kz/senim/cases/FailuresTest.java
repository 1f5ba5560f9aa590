package kz.senim.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static final String SECRET = "narrative-and-table-senim-cases";

    @Test
    void a_failure_is_described_by_its_classes_and_senims_own_frames_never_its_message() {
        RuntimeException failure = new IllegalStateException(SECRET, new IOException(SECRET));

        String description = Failures.describe(failure);

        assertThat(description).startsWith("java.lang.IllegalStateException at kz.senim.cases.FailuresTest.a_failure_is_described")
                .contains("FailuresTest.java:")
                .endsWith("; caused by java.io.IOException")
                .doesNotContain(SECRET);
        assertThat(description.split(" < ")).hasSizeLessThanOrEqualTo(Failures.FRAMES)
                .allSatisfy(frame -> assertThat(frame).doesNotContain("org.junit", "java.base"));
    }

    @Test
    void a_cause_that_loops_back_is_described_once() {
        IllegalStateException first = new IllegalStateException(SECRET);
        IllegalArgumentException second = new IllegalArgumentException(SECRET, first);
        first.initCause(second);

        assertThat(Failures.describe(first)).startsWith("java.lang.IllegalStateException")
                .endsWith("; caused by java.lang.IllegalArgumentException").doesNotContain(SECRET);
    }

    @Test
    void the_kind_of_a_failure_senim_translated_is_the_class_of_what_it_translated() {
        StorageUnavailable wrapped = new StorageUnavailable(SECRET, new java.io.UncheckedIOException(
                new IOException(SECRET)));

        assertThat(Failures.kind(wrapped)).isEqualTo("java.io.UncheckedIOException");
        assertThat(Failures.kind(new IllegalStateException(SECRET))).isEqualTo("java.lang.IllegalStateException");
    }
}
