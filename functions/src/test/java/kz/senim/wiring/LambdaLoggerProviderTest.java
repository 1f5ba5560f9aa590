package kz.senim.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.senim.cases.StorageUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The Lambda jar's SLF4J binding: lines reach Lambda's own logger with their level; Senim's loggers from INFO, the
 * libraries' from WARN; a throwable by its classes, never its message. The runtime's logger is put in place as the
 * Lambda runtime puts it (the static field of {@code LambdaRuntime}).
 */
class LambdaLoggerProviderTest {

    private record Line(String message, LogLevel level) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final LambdaLogger runtimeLogger = new LambdaLogger() {
        @Override
        public void log(String message) {
            log(message, LogLevel.UNDEFINED);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
        }

        @Override
        public void log(String message, LogLevel level) {
            lines.add(new Line(message, level));
        }
    };
    private LambdaLogger standIn;
    private final LambdaLoggerProvider provider = new LambdaLoggerProvider();

    @BeforeEach
    void theLambdaRuntimeInstallsItsLogger() throws ReflectiveOperationException {
        standIn = LambdaRuntime.getLogger();
        runtimeLoggerField().set(null, runtimeLogger);
    }

    @AfterEach
    void putBackTheStandIn() throws ReflectiveOperationException {
        runtimeLoggerField().set(null, standIn);
    }

    @Test
    void senimsLinesReachLambdasLoggerWithTheirLevelFromInfoUp() {
        Logger log = provider.getLoggerFactory().getLogger("kz.senim.intake.api.SubmitReportHandler");

        log.debug("not written {}", 1);
        log.info("report accepted reference={} replayed={}", "SN-7Q2K-9M4D-XW3P", false);
        log.warn("{} failed: storage unavailable", "report");
        log.error("report failed: {}", "java.lang.IllegalStateException");

        assertThat(lines).containsExactly(
                new Line("report accepted reference=SN-7Q2K-9M4D-XW3P replayed=false", LogLevel.INFO),
                new Line("report failed: storage unavailable", LogLevel.WARN),
                new Line("report failed: java.lang.IllegalStateException", LogLevel.ERROR));
    }

    @Test
    void librariesLogFromWarnUp() {
        Logger sdk = provider.getLoggerFactory().getLogger("software.amazon.awssdk.request");

        sdk.info("Sending Request");
        sdk.warn("retrying");

        assertThat(lines).containsExactly(new Line("retrying", LogLevel.WARN));
        assertThat(sdk.isInfoEnabled()).isFalse();
        assertThat(provider.getLoggerFactory().getLogger("kz.senim.alerting.stream.AlertDispatcherHandler")
                .isInfoEnabled()).isTrue();
    }

    @Test
    void aThrowableIsDescribedByItsClassesNeverByItsMessage() {
        Logger log = provider.getLoggerFactory().getLogger("software.amazon.awssdk.core");
        StorageUnavailable failure = new StorageUnavailable("table senim-cases, narrative: they took my passport",
                new IllegalStateException("arn:aws:dynamodb:eu-central-1:123456789012:table/senim-cases"));

        log.warn("call failed", failure);

        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().message()).startsWith("call failed (kz.senim.cases.StorageUnavailable")
                .contains("caused by java.lang.IllegalStateException")
                .doesNotContain("passport", "arn:aws", "senim-cases");
    }

    @Test
    void itKnowsTheStandInOfLambdaRuntimeFromTheRuntimesLogger() {
        assertThat(LambdaLoggerProvider.isStandIn(standIn)).isTrue();
        assertThat(LambdaLoggerProvider.isStandIn(runtimeLogger)).isFalse();
    }

    private static Field runtimeLoggerField() throws NoSuchFieldException {
        Field field = LambdaRuntime.class.getDeclaredField("logger");
        field.setAccessible(true);
        return field;
    }
}
