package kz.senim.testing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.Severity;

/** Case files to start from. */
public final class CaseFiles {

    private CaseFiles() {
    }

    /** A victim's report in Almaty, just received, alerted to the commission and the Almaty shelter. */
    public static CaseFile receivedInAlmaty(String reference, Instant submittedAt) {
        return new CaseFile(new Reference(reference), Submissions.victimInAlmaty(), Severity.MEDIUM,
                CaseStatus.RECEIVED, 1, Optional.empty(), Optional.empty(),
                Set.of("kz-75-commission", "ngo-shelter-almaty"), Optional.empty(), Optional.empty(), submittedAt,
                submittedAt);
    }
}
