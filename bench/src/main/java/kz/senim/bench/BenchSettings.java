package kz.senim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * How much {@code ./senim bench} measures: iteration counts per figure, and where the project and the output are.
 *
 * @param profile {@code full}, {@code quick} or {@code smoke} (the counts it started from)
 * @param warmups untimed requests (or raw calls) before each timed series
 * @param reports reports submitted by one client; four clients submit {@code 2 × reports} together
 * @param clients concurrent clients (and raw threads) of the concurrent intake run
 * @param rawCalls raw transactions at one thread (four threads run {@code 2 × rawCalls}), and raw reads
 * @param reads status reads and queue reads
 * @param warmWarmups untimed invocations of the warm SubmitReportHandler
 * @param warmInvokes timed invocations of the warm SubmitReportHandler
 * @param coldRepeats fresh JVMs per function and per bare JVM (the median is reported)
 * @param overlapJvms start each bare JVM beside the next function's JVM: faster, but the two disturb each other's
 *     times (the smoke test only)
 * @param root the project (where {@code functions/target/senim-functions-lambda.jar} is)
 * @param output where the tables go ({@code target/bench})
 */
public record BenchSettings(String profile, int warmups, int reports, int clients, int rawCalls, int reads,
                            int warmWarmups, int warmInvokes, int coldRepeats, boolean overlapJvms, Path root,
                            Path output) {

    static final String USAGE = """
            Usage: ./senim bench [--quick] [--reports N] [--raw N] [--reads N] [--warm N] [--cold-repeats N]
              --quick            fewer iterations (about a third of the time)
              --reports N        reports by one client (four clients send 2N together)
              --raw N            raw DynamoDB calls per series (four threads: 2N transactions)
              --reads N          status reads and queue reads
              --warm N           timed warm invocations of SubmitReportHandler (as many again to warm up)
              --cold-repeats N   fresh JVMs per function and per bare JVM (the median is reported)
            Writes target/bench/bench-<timestamp>.md and target/bench/latest.md and prints the table.
            """;

    public BenchSettings {
        for (int count : new int[] {reports, clients, rawCalls, reads, warmInvokes, coldRepeats}) {
            if (count < 1) {
                throw new IllegalArgumentException("every count must be at least 1");
            }
        }
        if (warmups < 0 || warmWarmups < 0) {
            throw new IllegalArgumentException("warm-ups cannot be negative");
        }
    }

    /** The default run: a few minutes on two cores. */
    public static BenchSettings full(Path root) {
        return new BenchSettings("full", 10, 40, 4, 200, 40, 10, 20, 2, false, root, root.resolve("target/bench"));
    }

    public static BenchSettings quick(Path root) {
        return new BenchSettings("quick", 3, 12, 4, 60, 12, 5, 10, 1, false, root, root.resolve("target/bench"));
    }

    /** Tiny counts: every row of the table, no meaningful number (the smoke test). */
    public static BenchSettings smoke(Path root, Path output) {
        return new BenchSettings("smoke", 1, 2, 4, 4, 2, 1, 2, 1, true, root, output);
    }

    /** {@code ./senim bench} options, from the project at {@code root}. */
    public static BenchSettings parse(List<String> args, Path root) {
        Deque<String> queue = new ArrayDeque<>(args);
        BenchSettings settings = queue.remove("--quick") ? quick(root) : full(root);
        while (!queue.isEmpty()) {
            String option = queue.removeFirst();
            switch (option) {
                case "--reports" -> settings = settings.with(count(option, queue), -1, -1, -1, -1);
                case "--raw" -> settings = settings.with(-1, count(option, queue), -1, -1, -1);
                case "--reads" -> settings = settings.with(-1, -1, count(option, queue), -1, -1);
                case "--warm" -> settings = settings.with(-1, -1, -1, count(option, queue), -1);
                case "--cold-repeats" -> settings = settings.with(-1, -1, -1, -1, count(option, queue));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return settings;
    }

    /**
     * The project directory: {@code start} or the first directory above it with the reactor's {@code pom.xml} and
     * {@code functions/}.
     */
    public static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("functions"))
                    && Files.isDirectory(dir.resolve("infrastructure"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Senim project at or above " + start.toAbsolutePath());
    }

    public Path lambdaJar() {
        return root.resolve("functions/target/senim-functions-lambda.jar");
    }

    public Path eventFixtures() {
        return root.resolve("functions/src/test/resources/events");
    }

    private BenchSettings with(int newReports, int newRaw, int newReads, int newWarm, int newCold) {
        return new BenchSettings(profile, warmups, pick(newReports, reports), clients, pick(newRaw, rawCalls),
                pick(newReads, reads), newWarm > 0 ? newWarm : warmWarmups, pick(newWarm, warmInvokes),
                pick(newCold, coldRepeats), overlapJvms, root, output);
    }

    private static int pick(int given, int current) {
        return given > 0 ? given : current;
    }

    private static int count(String option, Deque<String> queue) {
        String text = queue.pollFirst();
        try {
            int count = Integer.parseInt(text == null ? "" : text);
            if (count < 1) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of at least 1");
        }
    }
}
