package kz.senim.handling.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;
import kz.senim.access.Caller;
import kz.senim.cases.Actor;
import kz.senim.cases.AuditEntry;
import kz.senim.directory.OrganisationNames;
import kz.senim.handling.ReadCaseAudit;
import kz.senim.http.HttpRequest;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.staff.CaseJson;
import kz.senim.staff.StaffExchange;
import kz.senim.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/cases/{reference}/audit}: who did what to a case, for coordinators in scope, the actors'
 * organisations named in the caller's language; itself audited.
 */
public final class CaseAuditHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The contract's bound (openapi.yaml AuditTrail.entries maxItems): the latest entries; the trail keeps all. */
    static final int MAX_ENTRIES = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(CaseAuditHandler.class);
    private static final String OPERATION = "case audit";

    private final ReadCaseAudit readCaseAudit;

    public CaseAuditHandler() {
        this(Wiring.fromEnvironment());
    }

    public CaseAuditHandler(Wiring wiring) {
        this(wiring.readCaseAudit());
    }

    public CaseAuditHandler(ReadCaseAudit readCaseAudit) {
        this.readCaseAudit = readCaseAudit;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffExchange.respond(event, LOG, OPERATION, this::answer);
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Caller caller, Language language) {
        return switch (readCaseAudit.read(caller, request.path("reference").orElse(""))) {
            case ReadCaseAudit.Outcome.Found found -> {
                LOG.info("{}: reference={} entries={}", OPERATION, found.reference(), found.entries().size());
                ObjectNode body = HttpResponses.JSON.createObjectNode().put("reference", found.reference().value());
                ArrayNode entries = body.putArray("entries");
                CaseJson.latest(found.entries(), MAX_ENTRIES)
                        .forEach(entry -> entries.add(entry(entry, found.names(), language)));
                yield HttpResponses.json(200, body);
            }
            case ReadCaseAudit.Outcome.NotFound notFound ->
                    StaffExchange.refused(LOG, OPERATION, Problem.notFound("case"), language);
        };
    }

    static ObjectNode entry(AuditEntry entry, OrganisationNames names, Language language) {
        ObjectNode json = HttpResponses.JSON.createObjectNode().put("at", entry.at().toString());
        ObjectNode actor = json.putObject("actor");
        switch (entry.actor()) {
            case Actor.Person person -> {
                actor.put("type", "person")
                        .put("personId", person.personId())
                        .put("organisationId", person.organisationId());
                names.name(person.organisationId(), language).ifPresent(name -> actor.put("organisationName", name));
                actor.put("role", person.role());
            }
            case Actor.LinkHolder link -> {
                actor.put("type", "link").put("organisationId", link.organisationId());
                names.name(link.organisationId(), language).ifPresent(name -> actor.put("organisationName", name));
            }
            case Actor.Reporter reporter -> actor.put("type", "reporter");
            case Actor.System system -> actor.put("type", "system").put("component", system.component());
        }
        json.put("action", entry.action());
        ObjectNode details = json.putObject("details");
        new TreeMap<>(entry.details()).forEach(details::put);
        return json;
    }
}
