package kz.senim.intake;

import java.util.Optional;
import kz.senim.cases.Reference;
import kz.senim.intake.StatusOutcome.Found;
import kz.senim.intake.StatusOutcome.NotFound;

/**
 * A reporter comes back with reference and receipt to see where the report stands. An unknown reference and a wrong
 * receipt answer alike and take as long, so neither can be probed.
 */
public final class ReporterAccess {

    private final Reports reports;
    private final ReceiptHasher receiptHasher;

    public ReporterAccess(Reports reports, ReceiptHasher receiptHasher) {
        this.reports = reports;
        this.receiptHasher = receiptHasher;
    }

    public StatusOutcome check(String referenceText, String receiptText) {
        Optional<Receipt> receipt = Receipt.parse(receiptText);
        if (receipt.isEmpty()) {
            return new NotFound();
        }
        Optional<Report> report = Reference.parse(referenceText).flatMap(reports::find);
        if (report.isEmpty()) {
            receiptHasher.matchDecoy(receipt.get());
            return new NotFound();
        }
        if (!receiptHasher.matches(receipt.get(), report.get().receiptHash())) {
            return new NotFound();
        }
        return new Found(report.get().reference(), report.get().status(), report.get().submission().language());
    }
}
