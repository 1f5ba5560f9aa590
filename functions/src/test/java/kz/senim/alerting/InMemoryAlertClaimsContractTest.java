package kz.senim.alerting;

import kz.senim.cases.Alert;
import kz.senim.testing.InMemoryAlertClaims;

/** {@link AlertClaimsContract} against the in-memory fake the unit tests use. */
class InMemoryAlertClaimsContractTest extends AlertClaimsContract {

    private final InMemoryAlertClaims claims = new InMemoryAlertClaims();

    @Override
    protected AlertClaims claims() {
        return claims;
    }

    @Override
    protected Alert inOutbox(Alert alert) {
        return claims.add(alert);
    }
}
