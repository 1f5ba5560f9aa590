package kz.senim.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Report bodies for the tests, as the app would send them. */
final class ReportBodies {

    private ReportBodies() {
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

    /**
     * A victim in Almaty (KZ-75), a citizen, not in danger now, writing in Russian: the Almaty commission and the Almaty
     * shelter are alerted.
     */
    static ObjectNode victimInAlmaty() {
        return LocalApi.JSON.createObjectNode()
                .put("reporterRole", "victim")
                .put("category", "forced_labour")
                .put("region", "KZ-75")
                .put("locality", "Турксибский район, цех за автобазой")
                .put("immediateDanger", false)
                .put("policeConsent", false)
                .put("childInvolved", false)
                .put("foreignNational", false)
                .put("narrative", "Работаю в цеху без договора, хозяин держит моё удостоверение и говорит, что я должна"
                        + " ему за жильё. Уйти боюсь.")
                .put("language", "ru");
    }

    /** A witness in Almaty (KZ-75), nobody in danger, writing in Kazakh: only the Almaty commission is alerted. */
    static ObjectNode witnessInAlmaty() {
        return LocalApi.JSON.createObjectNode()
                .put("reporterRole", "witness")
                .put("category", "begging")
                .put("region", "KZ-75")
                .put("immediateDanger", false)
                .put("policeConsent", false)
                .put("childInvolved", false)
                .put("foreignNational", false)
                .put("narrative", "Көк базар маңында ересек адам балаларды күн сайын қайыр сұратады, ақшасын алып"
                        + " кетеді.")
                .put("language", "kk");
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
