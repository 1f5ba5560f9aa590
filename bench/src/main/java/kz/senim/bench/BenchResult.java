package kz.senim.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run of the bench measured.
 *
 * @param intakeOne {@code POST /v1/reports} through the runner, one client
 * @param intakeMany the same, {@code settings.clients()} clients at once
 * @param rawOne the same items as one raw {@code TransactWriteItems}, one thread
 * @param rawMany the same, {@code settings.clients()} threads
 * @param transactionItems items per transaction (report, one alert per recipient, idempotency record)
 * @param statusRead {@code GET /v1/reports/{reference}} with the receipt
 * @param rawGet {@code GetItem} of the same report item
 * @param queueRead {@code GET /v1/cases?region=KZ-75} as a coordinator
 * @param rawQuery {@code Query} of the same queue index page
 * @param warm warm {@code SubmitReportHandler} invocations with the template's JVM flags
 * @param coldStarts one row per function of the template
 * @param jvmFlags the template's {@code JAVA_TOOL_OPTIONS} of {@code SubmitReportFunction}
 * @param jarBytes size of the Lambda jar
 * @param peakRssBytes the runner's JVM's peak resident set during the intake runs
 */
public record BenchResult(BenchSettings settings, Instant started, Duration took, String machine, String command,
                          Latencies intakeOne, Latencies intakeMany, Latencies rawOne, Latencies rawMany,
                          int transactionItems, Latencies statusRead, Latencies rawGet, Latencies queueRead,
                          Latencies rawQuery, Latencies warm, List<ColdStarts.Row> coldStarts, String jvmFlags,
                          long jarBytes, long peakRssBytes, String peakRssNote, int cloudFormationAnswers) {
}
