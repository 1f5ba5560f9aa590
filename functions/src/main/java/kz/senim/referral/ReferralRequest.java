package kz.senim.referral;

import java.time.LocalDate;
import java.util.Objects;
import kz.senim.cases.Text;
import kz.senim.directory.ServiceType;

/**
 * What a coordinator asks for when referring: which provider, which service, by when, and whether the person
 * consented. {@code consentGiven} is carried as sent so that "no consent" is answered as such, not as bad input.
 */
public record ReferralRequest(String providerId, ServiceType service, boolean consentGiven, LocalDate dueDate) {

    public static final int MAX_PROVIDER_ID = 64;

    public ReferralRequest {
        providerId = Text.required("providerId", providerId, MAX_PROVIDER_ID);
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
