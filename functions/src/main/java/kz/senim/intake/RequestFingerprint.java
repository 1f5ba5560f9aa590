package kz.senim.intake;

import kz.senim.cases.CaseText;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.Sha256;

/** A hash of everything a submission says, to tell a true retry from another report under a reused key. */
final class RequestFingerprint {

    private static final char SEPARATOR = '\u001F';

    private RequestFingerprint() {
    }

    static String of(ReportSubmission s) {
        String canonical = String.join(String.valueOf(SEPARATOR),
                s.reporterRole().code(), s.category().code(), s.region().value(), s.locality().map(RequestFingerprint::typed).orElse(""),
                Boolean.toString(s.immediateDanger()), Boolean.toString(s.policeConsent()),
                Boolean.toString(s.childInvolved()), Boolean.toString(s.foreignNational()), typed(s.narrative()),
                s.language().code());
        return Sha256.hex(canonical);
    }

    /** A submission is fingerprinted as sent, before anything of it is sealed. */
    private static String typed(CaseText text) {
        return text.readable().orElseThrow(() -> new IllegalArgumentException("a submission is fingerprinted as sent"));
    }
}
