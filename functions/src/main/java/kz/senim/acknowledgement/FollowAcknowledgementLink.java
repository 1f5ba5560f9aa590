package kz.senim.acknowledgement;

import java.util.Optional;
import kz.senim.cases.Alert;
import kz.senim.i18n.Language;

/**
 * What the holder of an acknowledgement link can do: look at the alert (a read only, because link previews of
 * messaging apps and mail scanners open links by themselves) and acknowledge it, once.
 */
public final class FollowAcknowledgementLink {

    private final AcknowledgementLinks links;
    private final Acknowledgements acknowledgements;
    private final AcknowledgeAlert acknowledgeAlert;

    public FollowAcknowledgementLink(AcknowledgementLinks links, Acknowledgements acknowledgements,
            AcknowledgeAlert acknowledgeAlert) {
        this.links = links;
        this.acknowledgements = acknowledgements;
        this.acknowledgeAlert = acknowledgeAlert;
    }

    public sealed interface Preview {
        /**
         * The alert the link acknowledges (the page's, when it is a page); {@code acknowledged} when its chain is
         * acknowledged already; {@code language} the alerted organisation's, when the link knows it.
         */
        record Ready(Alert alert, boolean acknowledged, Optional<Language> language) implements Preview { }

        record LinkInvalid() implements Preview { }

        /** The link was used; {@code language} as above. */
        record LinkUsed(Optional<Language> language) implements Preview { }
    }

    /** What using a link did, and the language its page is in when the link knows it. */
    public record Used(AcknowledgeAlert.Outcome outcome, Optional<Language> language) {
    }

    /** Changes nothing. */
    public Preview preview(String token) {
        Optional<AcknowledgementLinks.Link> link = links.resolve(token);
        if (link.isEmpty()) {
            return new Preview.LinkInvalid();
        }
        if (acknowledgements.isSpent(link.get().linkId())) {
            return new Preview.LinkUsed(link.get().language());
        }
        Optional<AlertState> alert = AlertAddress.parse(link.get().alertId()).flatMap(acknowledgements::find);
        if (alert.isEmpty()) {
            return new Preview.LinkInvalid();
        }
        Optional<AlertState> origin = alert.get().isPage()
                ? AlertAddress.parse(alert.get().chainId()).flatMap(acknowledgements::find)
                : alert;
        return new Preview.Ready(alert.get().alert(), origin.map(o -> !o.isPending()).orElse(false),
                link.get().language());
    }

    public Used acknowledge(String token) {
        Optional<AcknowledgementLinks.Link> link = links.resolve(token);
        return link.map(l -> new Used(acknowledgeAlert.byLink(l), l.language()))
                .orElseGet(() -> new Used(new AcknowledgeAlert.Outcome.LinkInvalid(), Optional.empty()));
    }
}
