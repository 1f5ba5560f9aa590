package kz.senim.alerting;

import java.util.Optional;
import kz.senim.alerting.PagingWindows.Decision.Digest;
import kz.senim.cases.Alert;
import kz.senim.directory.Directory;
import kz.senim.directory.Organisation;
import kz.senim.i18n.Language;

/**
 * Makes the message of an alert for its organisation: the v1 JSON and the texts in the organisation's alert language
 * (the directory's {@code alertLanguage}). Texts are a courtesy the alert must never wait for: when the directory
 * cannot be read, they are written in {@link Organisation#DEFAULT_ALERT_LANGUAGE}.
 */
public final class AlertComposer implements DispatchAlerts.MessageComposer {

    private final Directory directory;
    private final AlertWording wording;

    public AlertComposer(Directory directory, AlertWording wording) {
        this.directory = directory;
        this.wording = wording;
    }

    @Override
    public AlertMessage compose(Alert alert, Optional<String> acknowledgeUrl, Optional<Digest> digest) {
        Optional<Organisation> organisation = organisation(alert.organisationId());
        Language language = organisation.map(Organisation::alertLanguage).orElse(Organisation.DEFAULT_ALERT_LANGUAGE);
        String name = organisation.map(o -> o.name(language)).orElse(alert.organisationId());
        return new AlertMessage(alert, acknowledgeUrl, digest, wording.texts(AlertWording.Subject.of(alert, digest),
                language, acknowledgeUrl, name));
    }

    /** A page about one report. */
    public AlertMessage compose(Alert alert, Optional<String> acknowledgeUrl) {
        return compose(alert, acknowledgeUrl, Optional.empty());
    }

    /** The language an organisation's alerts are written in. */
    public Language languageOf(String organisationId) {
        return organisation(organisationId).map(Organisation::alertLanguage)
                .orElse(Organisation.DEFAULT_ALERT_LANGUAGE);
    }

    private Optional<Organisation> organisation(String id) {
        try {
            return directory.organisation(id);
        } catch (RuntimeException directoryUnavailable) {
            return Optional.empty();
        }
    }
}
