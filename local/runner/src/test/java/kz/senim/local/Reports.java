package kz.senim.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Report bodies for the tests, as the app would send them. */
final class Reports {

    private Reports() {
    }

    /** A foreign national, a victim, in Almaty (KZ-75), in danger now, writing in Russian. */
    static ObjectNode victimInAlmatyInDanger() {
        return LocalApi.JSON.createObjectNode()
                .put("reporterRole", "victim")
                .put("category", "forced_labour")
                .put("region", "KZ-75")
                .put("locality", "Алатауский район, стройка у рынка")
                .put("immediateDanger", true)
                .put("policeConsent", false)
                .put("childInvolved", false)
                .put("foreignNational", true)
                .put("narrative", "Работодатель забрал паспорт, нас не выпускают со стройки, зарплату не платят"
                        + " три месяца.")
                .put("language", "ru");
    }

    /** A witness in Astana (KZ-71), nobody in danger, writing in Kazakh. */
    static ObjectNode witnessInAstana() {
        return LocalApi.JSON.createObjectNode()
                .put("reporterRole", "witness")
                .put("category", "begging")
                .put("region", "KZ-71")
                .put("immediateDanger", false)
                .put("policeConsent", false)
                .put("childInvolved", false)
                .put("foreignNational", false)
                .put("narrative", "Базарда күн сайын бір балалар қайыр сұрайды.")
                .put("language", "kk");
    }

    /** A fresh Idempotency-Key, as the app makes one per report. */
    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
