package kz.senim.intake;

import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.i18n.Language;

/** What a reporter's status check came to. */
public sealed interface StatusOutcome {

    record Found(Reference reference, CaseStatus status, Language reportLanguage) implements StatusOutcome {
    }

    /** Unknown reference or wrong receipt: deliberately the same answer. */
    record NotFound() implements StatusOutcome {
    }
}
