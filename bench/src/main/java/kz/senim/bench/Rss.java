package kz.senim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's peak resident set (Linux {@code VmHWM}), which can be reset so that it covers one phase only. */
final class Rss {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static boolean reset;

    private Rss() {
    }

    /** Starts the peak afresh from the current resident set (writing 5 to clear_refs, Linux 4.0+). */
    static void resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            reset = true;
        } catch (IOException | RuntimeException e) {
            reset = false;
        }
    }

    /** The peak in bytes, or -1 where the system does not say. */
    static long peakBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String note() {
        return "VmHWM of the runner's JVM (runner, DynamoDB Local and the bench's HTTP clients in one process; "
                + (reset ? "peak reset just before the intake runs" : "peak since the JVM started") + "), max heap "
                + Runtime.getRuntime().maxMemory() / 1_000_000 + " MB";
    }
}
