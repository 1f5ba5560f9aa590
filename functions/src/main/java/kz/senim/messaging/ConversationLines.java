package kz.senim.messaging;

import java.util.List;
import kz.senim.cases.Actor;
import kz.senim.cases.CaseMessages.MessageLine;
import kz.senim.cases.CaseMessages;
import kz.senim.cases.Reference;

/** A case's conversation as the case view shows it: each message with its author's person id, or "reporter". */
public final class ConversationLines implements CaseMessages {

    private final Conversations conversations;

    public ConversationLines(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public List<MessageLine> of(Reference reference) {
        return conversations.forCase(reference).stream()
                .map(message -> new MessageLine(message.messageId().value(), message.at(),
                        message.direction().code(), message.kind().code(), author(message.author()), message.text()))
                .toList();
    }

    private static String author(Actor author) {
        return switch (author) {
            case Actor.Person person -> person.personId();
            case Actor.Reporter reporter -> "reporter";
            case Actor.LinkHolder link -> "link:" + link.organisationId();
            case Actor.System system -> "system:" + system.component();
        };
    }
}
