package kz.senim.audit;

import java.time.LocalDate;
import java.util.List;
import kz.senim.cases.AuditEntry;
import kz.senim.cases.Reference;

/** Every read and change of a case, in order. Changes are audited in the same transaction as the change itself. */
public interface AuditTrail {

    /** Records a read (or anything not already recorded with a change); a failure here fails the read. */
    void record(AuditEntry entry);

    List<AuditEntry> entries(Reference reference);

    /** Records a read of figures about no single case; a failure here fails the read. */
    void record(FiguresRead read);

    /** The reads of figures of one day (UTC), in order. */
    List<FiguresRead> figuresReads(LocalDate day);
}
