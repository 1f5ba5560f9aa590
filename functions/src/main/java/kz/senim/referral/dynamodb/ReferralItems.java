package kz.senim.referral.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.CaseText;
import kz.senim.cases.dynamodb.CasesTable;
import kz.senim.cases.dynamodb.ContentWrites;
import kz.senim.directory.ServiceType;
import kz.senim.referral.Referral;
import kz.senim.referral.ReferralId;
import kz.senim.referral.ReferralStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The referral item, in its case's partition: {@code pk=CASE#<reference>}, {@code sk=REFERRAL#<referralId>}; a
 * rejection's or revocation's reason sealed ({@link ContentWrites}). It is
 * also in its provider's list ({@code ProviderIndex}: {@code gsi3pk=PROVIDER#<providerId>},
 * {@code gsi3sk=<dueDate>#<referralId>}, soonest due first).
 */
final class ReferralItems {

    static final String SK_PREFIX = "REFERRAL#";
    static final String KIND = "REFERRAL";
    static final String PROVIDER_INDEX = "ProviderIndex";
    static final String PROVIDER_PK = "gsi3pk";
    static final String PROVIDER_SK = "gsi3sk";
    static final String REFERRAL_ID = "referralId";
    static final String REFERENCE = "reference";
    static final String PROVIDER = "providerId";
    static final String SERVICE = "service";
    static final String STATUS = "status";
    static final String CONSENT_GIVEN = "consentGiven";
    static final String CONSENT_RECORDED_AT = "consentRecordedAt";
    static final String DUE_DATE = "dueDate";
    static final String REASON = "statusReason";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String CLOSED_AT = "closedAt";

    private ReferralItems() {
    }

    static Map<String, AttributeValue> key(ReferralId id) {
        return Map.of(CasesTable.PK, s(CasesTable.casePartition(id.reference())), CasesTable.SK,
                s(SK_PREFIX + id.value()));
    }

    static String providerPartition(String providerId) {
        return "PROVIDER#" + providerId;
    }

    static Map<String, AttributeValue> toItem(Referral referral, ContentWrites.Write write) {
        Map<String, AttributeValue> item = new HashMap<>(key(referral.id()));
        item.put(CasesTable.KIND, s(KIND));
        item.put(REFERRAL_ID, s(referral.id().value()));
        item.put(REFERENCE, s(referral.reference().value()));
        item.put(PROVIDER, s(referral.providerId()));
        item.put(SERVICE, s(referral.service().code()));
        item.put(STATUS, s(referral.status().code()));
        item.put(CONSENT_GIVEN, AttributeValue.fromBool(true));
        item.put(CONSENT_RECORDED_AT, s(referral.consentRecordedAt().toString()));
        item.put(DUE_DATE, s(referral.dueDate().toString()));
        referral.reason().ifPresent(reason -> write.put(item, REASON, reason));
        item.put(VERSION, AttributeValue.fromN(Long.toString(referral.version())));
        item.put(CREATED_AT, s(referral.createdAt().toString()));
        item.put(UPDATED_AT, s(referral.updatedAt().toString()));
        referral.closedAt().ifPresent(closedAt -> item.put(CLOSED_AT, s(closedAt.toString())));
        item.put(PROVIDER_PK, s(providerPartition(referral.providerId())));
        item.put(PROVIDER_SK, s(referral.dueDate() + "#" + referral.id().value()));
        return item;
    }

    static Referral fromItem(Map<String, AttributeValue> item) {
        return new Referral(
                new ReferralId(item.get(REFERRAL_ID).s()),
                item.get(PROVIDER).s(),
                ServiceType.fromCode(item.get(SERVICE).s()).orElseThrow(),
                ReferralStatus.fromCode(item.get(STATUS).s()).orElseThrow(),
                LocalDate.parse(item.get(DUE_DATE).s()),
                Instant.parse(item.get(CONSENT_RECORDED_AT).s()),
                text(item, REASON).map(CaseText::stored),
                Long.parseLong(item.get(VERSION).n()),
                Instant.parse(item.get(CREATED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()),
                text(item, CLOSED_AT).map(Instant::parse));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
