package kz.senim.handling.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kz.senim.cases.CaseFile;
import kz.senim.handling.CaseChangeOutcome;
import kz.senim.http.HttpResponses;
import kz.senim.http.Problem;
import kz.senim.i18n.Language;
import kz.senim.staff.CaseJson;
import kz.senim.staff.IfMatch;
import kz.senim.staff.StaffExchange;
import org.slf4j.Logger;

/** The answer to a change of a case: the new state with its ETag, or why not. */
final class CaseChangeResponses {

    private CaseChangeResponses() {
    }

    static APIGatewayV2HTTPResponse of(CaseChangeOutcome outcome, Logger log, String operation, Language language) {
        return switch (outcome) {
            case CaseChangeOutcome.Changed changed -> state(changed.file(), log, operation, "changed");
            case CaseChangeOutcome.Unchanged unchanged -> state(unchanged.file(), log, operation, "unchanged");
            case CaseChangeOutcome.NotFound notFound ->
                    StaffExchange.refused(log, operation, Problem.notFound("case"), language);
            case CaseChangeOutcome.VersionConflict conflict ->
                    StaffExchange.refused(log, operation, Problem.conflict("version_conflict"), language);
            case CaseChangeOutcome.Illegal illegal ->
                    StaffExchange.refused(log, operation, Problem.conflict(illegal.code()), language);
            case CaseChangeOutcome.Refused refused ->
                    StaffExchange.refused(log, operation, Problem.unprocessable(refused.code()), language);
        };
    }

    private static APIGatewayV2HTTPResponse state(CaseFile file, Logger log, String operation, String what) {
        log.info("{}: {} reference={} version={}", operation, what, file.reference(), file.version());
        return HttpResponses.json(200, CaseJson.summary(file), IfMatch.etag(file.version()));
    }
}
