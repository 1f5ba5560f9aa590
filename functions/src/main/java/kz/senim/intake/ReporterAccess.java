package kz.senim.intake;

import java.util.Optional;
import kz.senim.cases.Reference;
import kz.senim.intake.StatusOutcome.Found;
import kz.senim.intake.StatusOutcome.NotFound;

/**
 * A reporter comes back with reference and receipt to see where the report stands. An unknown reference and a wrong
 * receipt answer alike and cost the same work: for an unknown reference the receipt is checked against a decoy, so
 * neither can be probed. A report whose receipt was erased (withdrawn, or past its retention) is unknown.
 */
public final class ReporterAccess {

    /** Any receipt would do; the decoy's stored form is made with the current key, on first need. */
    private static final Receipt DECOY = new Receipt("0000-0000-0000-0000-0000");

    private final Reports reports;
    private final ReceiptHasher receiptHasher;
    private volatile String decoy;

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
            receiptHasher.matches(receipt.get(), decoy());
            return new NotFound();
        }
        if (!receiptHasher.matches(receipt.get(), report.get().receiptHash())) {
            return new NotFound();
        }
        return new Found(report.get().reference(), report.get().status(), report.get().submission().language());
    }

    private String decoy() {
        String known = decoy;
        if (known == null) {
            known = receiptHasher.hash(DECOY);
            decoy = known;
        }
        return known;
    }
}
