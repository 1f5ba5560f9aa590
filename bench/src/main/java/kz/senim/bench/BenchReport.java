package kz.senim.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The run as Markdown: each figure beside its floor and issue 9's target, then the cold start of every function. */
final class BenchReport {

    static final double INTAKE_P50_TARGET = 2.0;
    static final double THROUGHPUT_TARGET = 0.4;
    static final double WARM_TARGET = 2.0;
    static final double COLD_TARGET = 1.3;
    static final double STATUS_TARGET = 2.0;
    static final double JAR_TARGET_MB = 10.0;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private BenchReport() {
    }

    static String markdown(BenchResult r) {
        StringBuilder md = new StringBuilder();
        BenchSettings s = r.settings();
        md.append("## Senim bench, ").append(WHEN.format(r.started())).append("\n\n");
        md.append("Machine: ").append(r.machine()).append(".  \n");
        md.append("Command: `").append(r.command()).append("` (").append(s.profile()).append(": ")
                .append(s.reports()).append(" reports at 1 client, ").append(s.reports() * 2).append(" at ")
                .append(s.clients()).append(" clients, ").append(s.rawCalls()).append(" raw calls per series, ")
                .append(s.reads()).append(" reads, ").append(s.warmWarmups()).append(" + ").append(s.warmInvokes())
                .append(" warm invocations, ").append(s.coldRepeats()).append(" fresh JVM(s) per function; took ")
                .append(r.took().toMinutesPart() + r.took().toHoursPart() * 60).append(" min ")
                .append(r.took().toSecondsPart()).append(" s).\n\n");

        double intakeP50 = r.intakeOne().p50Ms() / r.rawOne().p50Ms();
        double throughput = r.intakeMany().perSecond() / r.rawMany().perSecond();
        double manyP50 = r.intakeMany().p50Ms() / r.rawMany().p50Ms();
        double status = r.statusRead().p50Ms() / r.rawGet().p50Ms();
        double queue = r.queueRead().p50Ms() / r.rawQuery().p50Ms();
        double warm = r.warm().p50Ms() / r.rawOne().p50Ms();
        double jarMb = r.jarBytes() / 1e6;
        List<ColdStarts.Row> measured = r.coldStarts().stream().filter(row -> row.ok() && !Double.isNaN(row.ratio()))
                .toList();
        long coldMet = r.coldStarts().stream().filter(row -> row.ok() && row.ratio() <= COLD_TARGET).count();
        ColdStarts.Row worst = measured.stream().max((a, b) -> Double.compare(a.ratio(), b.ratio())).orElse(null);
        double[] ratios = measured.stream().mapToDouble(ColdStarts.Row::ratio).sorted().toArray();
        double medianRatio = ratios.length == 0 ? Double.NaN : ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;

        md.append("| figure | Senim | floor, same run | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|\n");
        md.append(row("intake, 1 client: `POST /v1/reports` through the runner (dispatcher running)",
                r.intakeOne().percentiles() + ", " + Latencies.rate(r.intakeOne().perSecond()) + " reports/s",
                "raw `TransactWriteItems` of the same " + r.transactionItems() + " items, 1 thread: "
                        + r.rawOne().percentiles() + ", " + Latencies.rate(r.rawOne().perSecond()) + " tx/s",
                "p50 " + times(intakeP50), "p50 ≤ 2×", met(intakeP50 <= INTAKE_P50_TARGET)));
        md.append(row("intake, " + r.settings().clients() + " clients",
                r.intakeMany().percentiles() + ", " + Latencies.rate(r.intakeMany().perSecond()) + " reports/s",
                "raw, " + r.settings().clients() + " threads: " + r.rawMany().percentiles() + ", "
                        + Latencies.rate(r.rawMany().perSecond()) + " tx/s",
                "throughput " + fraction(throughput) + " (p50 " + times(manyP50) + ")", "throughput ≥ 0.4×",
                met(throughput >= THROUGHPUT_TARGET)));
        md.append(row("reporter's status read: `GET /v1/reports/{reference}` with `X-Receipt`",
                r.statusRead().percentiles(), "raw `GetItem` of the report: " + r.rawGet().percentiles(),
                "p50 " + times(status), "p50 ≤ 2×", met(status <= STATUS_TARGET)));
        md.append(row("staff queue read: `GET /v1/cases?region=KZ-75` (coordinator's token)",
                r.queueRead().percentiles(), "raw `Query` of QueueIndex, limit 25: " + r.rawQuery().percentiles(),
                "p50 " + times(queue), "—", "—"));
        md.append(row("warm `SubmitReportHandler`, JVM flags `" + r.jvmFlags() + "`, after " + s.warmWarmups()
                        + " invocations", r.warm().percentiles(),
                "raw transaction p50 (1 thread): " + Latencies.ms(r.rawOne().p50Ms()), "p50 " + times(warm),
                "≤ 2×", met(warm <= WARM_TARGET)));
        md.append(row("cold start: fresh JVM, init + first invoke (worst function"
                        + (worst == null ? "" : ": " + worst.function()) + ")",
                worst == null ? "—" : Latencies.ms(worst.totalMs()),
                worst == null ? "—" : "bare JVM, same flags, same clients and first call: "
                        + Latencies.ms(worst.bareMs()),
                worst == null ? "—" : times(worst.ratio()) + " (median of the functions " + times(medianRatio) + ")",
                "≤ 1.3× for every function", met(coldMet == r.coldStarts().size()) + " (" + coldMet + " of "
                        + r.coldStarts().size() + ")"));
        md.append(row("Lambda jar `functions/target/senim-functions-lambda.jar`",
                String.format(Locale.ROOT, "%.1f MB", jarMb), "—", "—", "≤ 10 MB", met(jarMb <= JAR_TARGET_MB)));
        md.append(row("runner's peak RSS during the intake runs",
                String.format(Locale.ROOT, "%.0f MB", r.peakRssBytes() / 1e6), r.peakRssNote(), "—", "—", "—"));

        md.append("\n### Cold start per function (median of ").append(s.coldRepeats())
                .append("; JVM flags from the template: `").append(r.jvmFlags()).append("`)\n\n");
        md.append("| function | first invoke answered | init ms | first invoke ms | total ms | bare JVM ms | ratio"
                + " | ≤ 1.3× |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (ColdStarts.Row row : r.coldStarts()) {
            md.append("| ").append(row.function()).append(" | ").append(row.outcome())
                    .append(row.ok() ? "" : " (failed" + (row.note().isEmpty() ? "" : ": " + cell(row.note())) + ")")
                    .append(" | ").append(whole(row.initMs())).append(" | ").append(whole(row.invokeMs()))
                    .append(" | ").append(whole(row.totalMs())).append(" | ").append(whole(row.bareMs()))
                    .append(" | ").append(Double.isNaN(row.ratio()) ? "—" : times(row.ratio()))
                    .append(" | ").append(met(row.ok() && row.ratio() <= COLD_TARGET)).append(" |\n");
        }
        md.append("""

                How to read it: every Senim figure is beside its floor measured in the same run on the same machine;
                the ratios are what matter, not the absolute numbers. Intake and reads go through the runner over
                HTTP (in-process DynamoDB Local in memory, the alert dispatcher running, route throttles off); the
                floor makes the same DynamoDB calls directly with the SDK (URL-connection client, as Wiring builds
                it) on the same DynamoDB Local. Raw transactions write to a copy of the cases table that no stream
                consumer reads. Cold starts: a fresh JVM per function with the template's JAVA_TOOL_OPTIONS and the
                environment the runner gives the function, on the Lambda jar; init is JVM start to handler
                constructed, the first invoke includes decoding the event and encoding the answer as the Lambda
                runtime does (aws-lambda-java-serialization); the event is the function's handler-test fixture about
                a live case. The bare JVM has the same flags, builds the same SDK clients and makes the function's
                first call (a GetItem, a Query, the report's transaction, or the claim and the SNS publish of an
                alert, to the fauxqs emulator); a function that calls no AWS service (RegionsFunction) is compared
                with a JVM that does nothing. The JVM is this machine's JDK, not Lambda's java21 runtime, and
                SnapStart is not modelled. Other work on the machine (see the load average) slows everything.
                """);
        return md.toString();
    }

    private static String row(String figure, String senim, String floor, String ratio, String target, String met) {
        return "| " + String.join(" | ", figure, senim, floor, ratio, target, met) + " |\n";
    }

    private static String met(boolean met) {
        return met ? "yes" : "no";
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    private static String fraction(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String whole(double ms) {
        return Double.isNaN(ms) ? "—" : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String cell(String text) {
        String flat = text.replace('|', '/').replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
