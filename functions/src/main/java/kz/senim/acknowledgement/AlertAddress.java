package kz.senim.acknowledgement;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.senim.cases.Reference;

/**
 * Where an alert is, read from its id: an organisation's alert is {@code <reference>.<organisation>}, an escalation
 * page {@code <reference>.<target>.e<step>}. Ids come from URLs, so anything else is simply not an alert.
 */
public record AlertAddress(Reference reference, String organisationId, OptionalInt pageStep) {

    private static final Pattern FORMAT = Pattern.compile(
            "(SN(?:-[0-9A-HJKMNP-TV-Z]{4}){3})\\.([a-z0-9][a-z0-9-]{1,62})(?:\\.e([1-9][0-9]{0,5}))?");

    public static Optional<AlertAddress> parse(String alertId) {
        if (alertId == null || alertId.length() > 120) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(alertId);
        if (!m.matches()) {
            return Optional.empty();
        }
        OptionalInt step = m.group(3) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(3)));
        return Optional.of(new AlertAddress(new Reference(m.group(1)), m.group(2), step));
    }

    public boolean isPage() {
        return pageStep.isPresent();
    }

    public String alertId() {
        return reference.value() + "." + organisationId + (isPage() ? ".e" + pageStep.getAsInt() : "");
    }
}
