package org.sanad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.GrantLookups;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Each request decides need-to-know once, and everything it does follows that one decision: the
 * rendering, the access-log purpose and the revision stamp cannot disagree.
 */
@IntegrationTest
class OneDecisionPerRequestIntegrationTests extends ServerTest {

    static String token(String user) {
        return Keycloak.accessToken(user);
    }

    /** The number of need-to-know decisions one request made about the record. */
    static int decisionsDuring(String record, Supplier<Api.Response> request, int expectedStatus) {
        UUID id = UUID.fromString(record);
        GrantLookups.reset(id);
        Api.Response response = request.get();
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return GrantLookups.of(id);
    }

    @Test
    void everyContentRequestEvaluatesNeedToKnowExactlyOnce() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Summary read once");
        String caseFile = file.get("id").asString();
        String defender = file.get("defenderId").asString();
        String incident = file.get("incidentIds").get(0).asString();
        String referral = scenarios
                .aPendingReferral("caseworker.tigris", "zagros-aid")
                .get("id")
                .asString();
        String caseworker = token("caseworker.tigris");

        Map<String, Integer> decisions = new java.util.LinkedHashMap<>();
        decisions.put(
                "GET profile", decisionsDuring(defender, () -> api.get("/api/defenders/" + defender, caseworker), 200));
        decisions.put(
                "PATCH profile",
                decisionsDuring(
                        defender,
                        () -> api.patch("/api/defenders/" + defender, caseworker, "\"0\"", "{\"riskLevel\": \"HIGH\"}"),
                        200));
        decisions.put(
                "GET profile history",
                decisionsDuring(defender, () -> api.get("/api/defenders/" + defender + "/history", caseworker), 200));
        decisions.put(
                "GET report", decisionsDuring(incident, () -> api.get("/api/incidents/" + incident, caseworker), 200));
        decisions.put(
                "GET report history",
                decisionsDuring(incident, () -> api.get("/api/incidents/" + incident + "/history", caseworker), 200));
        decisions.put(
                "GET case file", decisionsDuring(caseFile, () -> api.get("/api/cases/" + caseFile, caseworker), 200));
        decisions.put(
                "POST note",
                decisionsDuring(
                        caseFile,
                        () -> api.post("/api/cases/" + caseFile + "/notes", caseworker, "{\"text\": \"Once\"}"),
                        201));
        decisions.put(
                "POST status",
                decisionsDuring(
                        caseFile,
                        () -> api.post("/api/cases/" + caseFile + "/status", caseworker, "{\"status\": \"ACTIVE\"}"),
                        200));
        decisions.put(
                "GET case file history",
                decisionsDuring(caseFile, () -> api.get("/api/cases/" + caseFile + "/history", caseworker), 200));
        decisions.put(
                "GET referral (receiver)",
                decisionsDuring(
                        referral, () -> api.get("/api/referrals/" + referral, token("caseworker.zagros")), 200));
        decisions.put(
                "POST referral accept",
                decisionsDuring(
                        referral,
                        () -> api.post("/api/referrals/" + referral + "/accept", token("caseworker.zagros"), ""),
                        200));

        assertThat(decisions)
                .allSatisfy((request, count) -> assertThat(count).as(request).isEqualTo(1));
    }

    @Test
    void triageDecidesOnceAndTheClaimantSeesTheClaimedReport() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Triage Once " + UUID.randomUUID());
        String incident = scenarios.anIncidentReportedBy("caseworker.tigris", defender, "Claimed once");

        assertThat(decisionsDuring(
                        incident,
                        () -> api.post(
                                "/api/incidents/" + incident + "/triage",
                                token("caseworker.tigris"),
                                "{\"status\": \"TRIAGED\"}"),
                        200))
                .isEqualTo(1);
    }

    @Test
    void assignedSupervisorHoldingAGrantWorksAsCaseworkInTheAccessLogAndTheRevision() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Assigned and holding a grant");
        String caseFile = file.get("id").asString();
        scenarios.aBreakGlassGrant("supervisor.tigris", caseFile, "Checking a file " + UUID.randomUUID());
        String supervisorSubject = api.get("/api/me", token("supervisor.tigris"))
                .json()
                .get("subject")
                .asString();
        var assigned = api.post(
                "/api/cases/" + caseFile + "/assignees",
                token("caseworker.tigris"),
                "{\"subject\": \"%s\"}".formatted(supervisorSubject));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

        var note = api.post(
                "/api/cases/" + caseFile + "/notes", token("supervisor.tigris"), "{\"text\": \"As assignee\"}");
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        UUID noteId = UUID.fromString(note.json().get("id").asString());

        List<String> logged = Database.asSuperuser()
                .queryForList("select purpose from sanad.access_log where record_id = ?", String.class, noteId);
        List<Map<String, Object>> revisions = Database.asSuperuser()
                .queryForList(
                        "select r.purpose, r.break_glass_grant from sanad.revisions r join sanad.case_notes_aud n on n.rev = r.id where n.id = ?",
                        noteId);
        assertThat(logged).containsExactly("casework");
        assertThat(revisions).hasSize(1);
        assertThat(revisions.getFirst().get("purpose")).isNull();
        assertThat(revisions.getFirst().get("break_glass_grant")).isNull();
    }
}
