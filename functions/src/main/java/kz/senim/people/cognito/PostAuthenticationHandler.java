package kz.senim.people.cognito;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import java.util.Map;
import java.util.Optional;
import kz.senim.cases.StorageUnavailable;
import kz.senim.people.RecordSignIn;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user pool's post-authentication trigger: records whoever just signed in in the people directory ({@code sub},
 * {@code custom:organisationId}, {@code custom:role}, {@code name}; never the e-mail). Cognito fails the sign-in when
 * the trigger fails, so nothing here ever does: a person not recorded now is recorded at their next sign-in.
 */
public final class PostAuthenticationHandler
        implements RequestHandler<CognitoUserPoolPostAuthenticationEvent, CognitoUserPoolPostAuthenticationEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PostAuthenticationHandler.class);

    private final RecordSignIn recordSignIn;

    public PostAuthenticationHandler() {
        this(Wiring.fromEnvironment());
    }

    public PostAuthenticationHandler(Wiring wiring) {
        this(wiring.recordSignIn());
    }

    public PostAuthenticationHandler(RecordSignIn recordSignIn) {
        this.recordSignIn = recordSignIn;
    }

    @Override
    public CognitoUserPoolPostAuthenticationEvent handleRequest(CognitoUserPoolPostAuthenticationEvent event,
            Context context) {
        Map<String, String> attributes = Optional.ofNullable(event.getRequest())
                .map(CognitoUserPoolPostAuthenticationEvent.Request::getUserAttributes).orElse(Map.of());
        try {
            switch (recordSignIn.record(new RecordSignIn.SignIn(attributes.get("sub"),
                    attributes.get("custom:organisationId"), attributes.get("custom:role"), attributes.get("name")))) {
                case RecordSignIn.Outcome.Recorded recorded -> LOG.info("sign-in recorded: organisation={} role={}",
                        recorded.person().organisationId(), recorded.person().role().code());
                case RecordSignIn.Outcome.Ignored ignored -> LOG.warn("sign-in not recorded: {}", ignored.reason());
            }
        } catch (StorageUnavailable outage) {
            LOG.warn("sign-in not recorded: storage unavailable");
        } catch (RuntimeException bug) {
            LOG.error("sign-in not recorded: {}", bug.getClass().getName());
        }
        return event;
    }
}
