package kz.senim.intake;

import java.util.List;
import kz.senim.i18n.Language;

/** What a reporter reads straight after reporting: whom to call now, in their language. */
public record SafetyInformation(Language language, String message, List<Contact> contacts) {

    public enum ContactKind { EMERGENCY, POLICE, HOTLINE, REGIONAL }

    public record Contact(ContactKind kind, String number, String label) {
    }

    public SafetyInformation {
        contacts = List.copyOf(contacts);
    }
}
