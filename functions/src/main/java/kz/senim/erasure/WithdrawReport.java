package kz.senim.erasure;

import java.util.Optional;
import kz.senim.cases.Actor;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Cases;
import kz.senim.cases.Reference;
import kz.senim.cases.StorageUnavailable;
import kz.senim.i18n.Language;
import kz.senim.intake.ReporterAccess;
import kz.senim.intake.StatusOutcome;

/**
 * A reporter who regrets a report withdraws it with reference and receipt: what they wrote and the receipt are
 * erased at once, the case becomes {@code withdrawn_by_reporter}, paging stops and open referrals are revoked
 * ({@link EraseContent}); the audit records it as done by the reporter. The receipt is checked as for the status, so
 * an unknown reference and a wrong receipt answer alike, and so does a second withdrawal: the receipt is gone.
 */
public final class WithdrawReport {

    private final ReporterAccess reporterAccess;
    private final Cases cases;
    private final EraseContent eraseContent;

    public WithdrawReport(ReporterAccess reporterAccess, Cases cases, EraseContent eraseContent) {
        this.reporterAccess = reporterAccess;
        this.cases = cases;
        this.eraseContent = eraseContent;
    }

    public Outcome withdraw(String referenceText, String receiptText) {
        if (!(reporterAccess.check(referenceText, receiptText) instanceof StatusOutcome.Found found)) {
            return new Outcome.NotFound();
        }
        for (int attempt = 0; attempt < EraseContent.ATTEMPTS; attempt++) {
            Optional<CaseFile> file = cases.find(found.reference());
            if (file.isEmpty() || file.get().status() == CaseStatus.WITHDRAWN_BY_REPORTER) {
                return new Outcome.NotFound();
            }
            try {
                if (eraseContent.erase(file.get(), ErasureReason.WITHDRAWN_BY_REPORTER, new Actor.Reporter())
                        instanceof CaseErasures.Outcome.Stored) {
                    return new Outcome.Withdrawn(found.reference(), found.reportLanguage(), true);
                }
            } catch (StorageUnavailable finishingFailed) {
                if (cases.find(found.reference()).map(CaseFile::status)
                        .filter(status -> status == CaseStatus.WITHDRAWN_BY_REPORTER).isPresent()) {
                    // withdrawn: the retention run finishes what is left (keys, alerts, referrals)
                    return new Outcome.Withdrawn(found.reference(), found.reportLanguage(), false);
                }
                throw finishingFailed;
            }
        }
        throw new StorageUnavailable("the case kept changing under the withdrawal", null);
    }

    public sealed interface Outcome {
        /**
         * The report is withdrawn; {@code finished} is false when only the first step could be made (content and
         * receipt erased, case withdrawn) and the retention run will finish the rest.
         */
        record Withdrawn(Reference reference, Language reportLanguage, boolean finished) implements Outcome { }

        /** Unknown reference, wrong receipt, or withdrawn before: deliberately the same answer. */
        record NotFound() implements Outcome { }
    }
}
