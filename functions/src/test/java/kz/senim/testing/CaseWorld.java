package kz.senim.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.senim.access.Caller;
import kz.senim.access.CaseAccess;
import kz.senim.access.Role;
import kz.senim.cases.CaseContent;
import kz.senim.cases.CaseFile;
import kz.senim.cases.CaseMessages;
import kz.senim.cases.CaseStatus;
import kz.senim.cases.Reference;
import kz.senim.cases.ReportSubmission;
import kz.senim.cases.Severity;
import kz.senim.directory.Directory;
import kz.senim.directory.ServiceType;
import kz.senim.handling.AssignCase;
import kz.senim.handling.ChangeCaseStatus;
import kz.senim.handling.ListQueue;
import kz.senim.handling.ReadCase;
import kz.senim.handling.ReadCaseAudit;
import kz.senim.referral.ChangeReferralStatus;
import kz.senim.referral.ProviderReferrals;
import kz.senim.referral.ReferToService;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;

/**
 * Case work in memory, wired as {@code Wiring} wires it: the seeded directory, cases, referrals, alerts and the audit
 * trail, a clock tests move, the use cases, and the people who call them.
 */
public final class CaseWorld {

    /** Almaty's regional commission: alerted for every Almaty case. */
    public static final Caller ALMATY_RESPONDER = new Caller("person-aigerim", "kz-75-commission", Role.RESPONDER);
    public static final Caller ALMATY_COORDINATOR = new Caller("person-dana", "kz-75-commission", Role.COORDINATOR);
    /** The Almaty shelter (NGO): serves Almaty, alerted for victims' cases there. */
    public static final Caller SHELTER_RESPONDER = new Caller("person-saule", "ngo-shelter-almaty", Role.RESPONDER);
    public static final Caller SHELTER_COORDINATOR = new Caller("person-madina", "ngo-shelter-almaty",
            Role.COORDINATOR);
    /** The Astana commission: another region. */
    public static final Caller ASTANA_COORDINATOR = new Caller("person-erlan", "kz-71-commission", Role.COORDINATOR);
    /** An NGO for foreign nationals: serves every region, involved only once referred to. */
    public static final Caller MIGRANT_NGO_RESPONDER = new Caller("person-ravshan", "ngo-foreign-nationals",
            Role.RESPONDER);
    public static final Caller MIGRANT_NGO_COORDINATOR = new Caller("person-nodira", "ngo-foreign-nationals",
            Role.COORDINATOR);
    public static final Caller NATIONAL_COORDINATOR = new Caller("person-gulnara", "national-secretariat",
            Role.NATIONAL_COORDINATOR);
    /** An administrator's mistake: the national role in Almaty's commission, which makes them its coordinator only. */
    public static final Caller ALMATY_NATIONAL_ROLE = new Caller("person-arman", "kz-75-commission",
            Role.NATIONAL_COORDINATOR);

    public final SecureRandom random = new SecureRandom();
    public final MutableClock clock = MutableClock.atNoon();
    public final Directory directory = FixedDirectory.seeded();
    public final CaseAccess access = new CaseAccess(directory);
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryCases cases = new InMemoryCases(audit);
    public final InMemoryReferrals referrals = new InMemoryReferrals(cases, audit);
    public final InMemoryCaseAlerts alerts = new InMemoryCaseAlerts();
    /** Everyone above has signed in. */
    public final InMemoryPeople people = InMemoryPeople.of(ALMATY_RESPONDER, ALMATY_COORDINATOR, SHELTER_RESPONDER,
            SHELTER_COORDINATOR, ASTANA_COORDINATOR, MIGRANT_NGO_RESPONDER, MIGRANT_NGO_COORDINATOR,
            NATIONAL_COORDINATOR, ALMATY_NATIONAL_ROLE);
    public CaseMessages messages = CaseMessages.NONE;
    /** The case keys table, and sealing and opening with it (as {@code Wiring} does with a local KEK). */
    public final InMemoryCaseKeys keys = new InMemoryCaseKeys();
    public final CaseContent content = TestContent.content(keys);

    public ListQueue listQueue() {
        return new ListQueue(cases, access);
    }

    public ReadCase readCase() {
        return new ReadCase(cases, access, alerts, referrals, reference -> messages.of(reference), audit, content,
                directory, clock);
    }

    public AssignCase assignCase() {
        return new AssignCase(cases, access, people, clock);
    }

    public ChangeCaseStatus changeCaseStatus() {
        return new ChangeCaseStatus(cases, referrals, access, clock);
    }

    public ReadCaseAudit readCaseAudit() {
        return new ReadCaseAudit(cases, access, audit, directory, clock);
    }

    public ReferToService referToService() {
        return new ReferToService(cases, referrals, directory, access, random, clock);
    }

    public ChangeReferralStatus changeReferralStatus() {
        return new ChangeReferralStatus(referrals, cases, access, clock);
    }

    public ProviderReferrals providerReferrals() {
        return new ProviderReferrals(referrals, clock);
    }

    /** A victim's case in Almaty in {@code status}, alerted to the commission and the Almaty shelter, stored. */
    public CaseFile almatyCase(CaseStatus status) {
        return stored(caseIn(Submissions.victimInAlmaty(), status, Set.of("kz-75-commission", "ngo-shelter-almaty"),
                clock.instant()));
    }

    /** A case as given, stored; the clock moves on a minute so that cases stored one after another keep their order. */
    public CaseFile stored(CaseFile file) {
        cases.add(file);
        clock.advance(Duration.ofMinutes(1));
        return file;
    }

    public CaseFile caseIn(ReportSubmission submission, CaseStatus status, Set<String> involved, Instant at) {
        return new CaseFile(Reference.random(random), submission, Severity.MEDIUM, status, 1,
                status == CaseStatus.RECEIVED ? Optional.empty() : Optional.of("kz-75-commission"), Optional.empty(),
                involved, Optional.empty(), Optional.empty(), at, at);
    }

    public CaseFile current(CaseFile file) {
        return cases.find(file.reference()).orElseThrow();
    }

    /** A referral of {@code file} to the Almaty shelter's shelter, due in a week, stored as it is (no audit). */
    public Referral shelterReferral(CaseFile file) {
        Referral referral = Referral.create(ReferralId.random(file.reference(), random), "ngo-shelter-almaty",
                ServiceType.SHELTER, today().plusDays(7), clock.instant());
        referrals.add(referral);
        return referral;
    }

    public Referral current(Referral referral) {
        return referrals.find(referral.id()).orElseThrow();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), kz.senim.cases.CaseReferrals.ReferralLine.CALENDAR);
    }

    public List<String> auditActions(CaseFile file) {
        return audit.actions(file.reference());
    }
}
