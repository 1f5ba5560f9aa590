package kz.senim.bench.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** What this JVM has used so far, from Linux's {@code /proc/self} (no JMX: loading it would cost what it measures). */
final class ProcessFigures {

    /** Clock ticks per second of {@code /proc/self/stat} (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessFigures() {
    }

    /** User and system CPU time of the process, every thread; empty where there is no {@code /proc}. */
    static OptionalLong cpuMillis() {
        return read(Path.of("/proc/self/stat")).map(stat -> {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
        }).orElse(OptionalLong.empty());
    }

    /** The peak resident set size ({@code VmHWM}); empty where there is no {@code /proc}. */
    static OptionalLong peakRssKb() {
        return read(Path.of("/proc/self/status")).flatMap(status -> status.lines()
                .filter(line -> line.startsWith("VmHWM:")).findFirst())
                .map(line -> OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", ""))))
                .orElse(OptionalLong.empty());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
