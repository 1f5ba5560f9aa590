package kz.senim.acknowledgement;

import java.util.Optional;
import kz.senim.cases.Reference;
import kz.senim.cases.Severity;

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
        /** The alert the link acknowledges; {@code acknowledged} when its chain is acknowledged already. */
        record Ready(String alertId, Reference reference, Severity severity, boolean acknowledged) implements Preview { }

        record LinkInvalid() implements Preview { }

        record LinkUsed() implements Preview { }
    }

    /** Changes nothing. */
    public Preview preview(String token) {
        Optional<AcknowledgementLinks.Link> link = links.verify(token);
        if (link.isEmpty()) {
            return new Preview.LinkInvalid();
        }
        if (acknowledgements.isSpent(link.get().linkId())) {
            return new Preview.LinkUsed();
        }
        Optional<AlertState> alert = AlertAddress.parse(link.get().alertId()).flatMap(acknowledgements::find);
        if (alert.isEmpty()) {
            return new Preview.LinkInvalid();
        }
        Optional<AlertState> origin = alert.get().isPage()
                ? AlertAddress.parse(alert.get().chainId()).flatMap(acknowledgements::find)
                : alert;
        return new Preview.Ready(alert.get().alertId(), alert.get().alert().reference(), alert.get().alert().severity(),
                origin.map(o -> !o.isPending()).orElse(false));
    }

    public AcknowledgeAlert.Outcome acknowledge(String token) {
        return links.verify(token)
                .map(acknowledgeAlert::byLink)
                .orElseGet(AcknowledgeAlert.Outcome.LinkInvalid::new);
    }
}
