package org.sanad.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.infra.testing.TestKeycloak.TestUser;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/** Intake, triage, case files and notes under need-to-know, end to end. */
@IntegrationTest
class CaseworkIntegrationTests extends ServerTest {

    static String token(String user) {
        return Keycloak.accessToken(user);
    }

    /** Asks to open a case file for the defender from these reports, as the user. */
    Api.Response open(String user, String defender, String... incidents) {
        String ids = java.util.Arrays.stream(incidents)
                .map(id -> "\"" + id + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        return api.post(
                "/api/cases", token(user), "{\"defenderId\": \"%s\", \"incidentIds\": [%s]}".formatted(defender, ids));
    }

    @Test
    void defenderReportsAnIncidentAboutThemselvesAndSeesIt() {
        String self = scenarios.ownProfileOf("defender.tigris");

        var response =
                api.post("/api/incidents", token("defender.tigris"), Scenarios.incidentJson(null, "Followed home"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode report = response.json();
        assertThat(report.get("defenderId").asString()).isEqualTo(self);
        assertThat(report.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(api.get("/api/incidents/" + report.get("id").asString(), token("defender.tigris"))
                        .json()
                        .get("narrative")
                        .asString())
                .isEqualTo("Followed home");
    }

    @Test
    void defenderCannotReportAboutSomeoneElse() {
        scenarios.ownProfileOf("defender.tigris");
        String other = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Someone Else");

        var response = api.post("/api/incidents", token("defender.tigris"), Scenarios.incidentJson(other, "Not mine"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("defenderId").asString()).isNotEqualTo(other);
    }

    @Test
    void unclaimedReportIsOnlyMetadataToIntakeUntilClaimed() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker2.tigris", "Intake Person");
        String incident = scenarios.anIncidentReportedBy("caseworker2.tigris", defender, "Intake narrative");

        JsonNode before = api.get("/api/incidents/" + incident, token("caseworker.tigris"))
                .json();
        var claim = api.post(
                "/api/incidents/" + incident + "/triage",
                token("caseworker.tigris"),
                "{\"status\": \"TRIAGED\", \"severity\": \"CRITICAL\"}");
        var again = api.post(
                "/api/incidents/" + incident + "/triage", token("caseworker.tigris"), "{\"status\": \"TRIAGED\"}");

        assertThat(before.get("access").asString()).isEqualTo("metadata");
        assertThat(before.has("narrative")).isFalse();
        assertThat(claim.status()).isEqualTo(200);
        assertThat(claim.json().get("narrative").asString()).isEqualTo("Intake narrative");
        assertThat(claim.json().get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void staffCannotFileReportsAboutDefendersTheyDoNotWorkWith() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Not Theirs To Report");

        var response = api.post("/api/incidents", token("caseworker2.tigris"), Scenarios.incidentJson(defender, "x"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(api.get("/api/defenders/" + defender, token("caseworker2.tigris"))
                        .json()
                        .get("access")
                        .asString())
                .isEqualTo("metadata");
    }

    @Test
    void otherOrganisationCannotSeeOrTriageAReport() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Private Person");
        String incident = scenarios.anIncidentReportedBy("caseworker.tigris", defender, "Private");

        assertThat(api.get("/api/incidents/" + incident, token("caseworker.zagros"))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/incidents/" + incident + "/triage",
                                token("caseworker.zagros"),
                                "{\"status\": \"TRIAGED\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/incidents/" + incident + "/triage",
                                token("supervisor.tigris"),
                                "{\"status\": \"TRIAGED\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void triageToAnInvalidStatusIsAConflict() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Invalid Triage");
        String incident = scenarios.anIncidentReportedBy("caseworker.tigris", defender, "x");

        assertThat(api.post(
                                "/api/incidents/" + incident + "/triage",
                                token("caseworker.tigris"),
                                "{\"status\": \"LINKED\"}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void caseFileContentIsForAssigneesOnly() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Summary for assignees");
        String path = "/api/cases/" + file.get("id").asString();

        assertThat(file.get("reference").asString()).matches("SAN-\\d{4}-\\d{6}");
        assertThat(file.get("legalSummary").asString()).isEqualTo("Summary for assignees");
        assertThat(api.get(path, token("caseworker2.tigris")).status()).isEqualTo(404);
        JsonNode supervisor = api.get(path, token("supervisor.tigris")).json();
        assertThat(supervisor.get("access").asString()).isEqualTo("metadata");
        assertThat(supervisor.has("legalSummary")).isFalse();
        assertThat(api.get(path, token("supervisor.zagros")).status()).isEqualTo(404);
    }

    @Test
    void supervisorAssignsACaseworkerWhoThenSeesTheContent() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Shared summary");
        String path = "/api/cases/" + file.get("id").asString();
        String caseworker2 = api.get("/api/me", token("caseworker2.tigris"))
                .json()
                .get("subject")
                .asString();

        var byOutsider =
                api.post(path + "/assignees", token("caseworker2.tigris"), "{\"subject\": \"" + caseworker2 + "\"}");
        var bySupervisor =
                api.post(path + "/assignees", token("supervisor.tigris"), "{\"subject\": \"" + caseworker2 + "\"}");

        assertThat(byOutsider.status()).isEqualTo(404);
        assertThat(bySupervisor.status()).isEqualTo(200);
        assertThat(api.get(path, token("caseworker2.tigris"))
                        .json()
                        .get("legalSummary")
                        .asString())
                .isEqualTo("Shared summary");
    }

    @Test
    void linkedReportFollowsTheCaseFileAssignees() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Linked");
        String incident = file.get("incidentIds").get(0).asString();

        JsonNode report = api.get("/api/incidents/" + incident, token("caseworker.tigris"))
                .json();

        assertThat(report.get("status").asString()).isEqualTo("LINKED");
        assertThat(report.get("caseFileId").asString()).isEqualTo(file.get("id").asString());
    }

    @Test
    void caseFileNeedsTriagedReportsAndCreatesNothingOtherwise() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Untriaged Person");
        String incident = scenarios.anIncidentReportedBy("caseworker.tigris", defender, "Untriaged");
        long before = Database.count("case_files");

        var response = open("caseworker.tigris", defender, incident);

        assertThat(response.status()).isEqualTo(409);
        assertThat(Database.count("case_files")).isEqualTo(before);
    }

    @Test
    void caseFileNeedsAtLeastOneReport() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.zagros", "No Report Person");

        var response = open("caseworker2.tigris", defender);
        var own = open("caseworker.zagros", defender);

        assertThat(response.status()).isEqualTo(400);
        assertThat(own.status()).isEqualTo(400);
    }

    @Test
    void caseworkerCannotOpenACaseFromAReportClaimedByAnother() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Claimed Elsewhere");
        String incident = scenarios.aTriagedIncident("caseworker.tigris", defender, "Claimed by the first");
        long before = Database.count("case_files");

        var response = open("caseworker2.tigris", defender, incident);

        assertThat(response.status()).isEqualTo(409);
        assertThat(Database.count("case_files")).isEqualTo(before);
        assertThat(api.get("/api/defenders/" + defender, token("caseworker2.tigris"))
                        .json()
                        .get("access")
                        .asString())
                .isEqualTo("metadata");
    }

    @Test
    void supervisorCannotAssignThemselves() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Not by self-assignment");
        String supervisor = api.get("/api/me", token("supervisor.tigris"))
                .json()
                .get("subject")
                .asString();

        var response = api.post(
                "/api/cases/" + file.get("id").asString() + "/assignees",
                token("supervisor.tigris"),
                "{\"subject\": \"" + supervisor + "\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.get("/api/cases/" + file.get("id").asString(), token("supervisor.tigris"))
                        .json()
                        .has("legalSummary"))
                .isFalse();
    }

    @Test
    void supervisorsCannotAssignEachOtherToCaseFiles() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "No supervisor collusion");
        String path = "/api/cases/" + file.get("id").asString();
        TestUser other = TestKeycloak.createUser("supervisor", "tigris-legal");

        var bySupervisor =
                api.post(path + "/assignees", token("supervisor.tigris"), "{\"subject\": \"" + other.subject() + "\"}");
        var byAssignee =
                api.post(path + "/assignees", token("caseworker.tigris"), "{\"subject\": \"" + other.subject() + "\"}");

        assertThat(bySupervisor.status()).isEqualTo(403);
        assertThat(byAssignee.status()).isEqualTo(200);
    }

    @Test
    void onlyStaffOfTheOrganisationCanBeAssigned() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Staff only");
        String path = "/api/cases/" + file.get("id").asString() + "/assignees";
        String outsider = api.get("/api/me", token("caseworker.zagros"))
                .json()
                .get("subject")
                .asString();
        String defender = api.get("/api/me", token("defender.tigris"))
                .json()
                .get("subject")
                .asString();

        assertThat(api.post(path, token("caseworker.tigris"), "{\"subject\": \"" + outsider + "\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post(path, token("caseworker.tigris"), "{\"subject\": \"" + defender + "\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/cases/" + file.get("id").asString(), token("caseworker.zagros"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void assigneesWriteNotesThatTheDefenderNeverSees() {
        scenarios.ownProfileOf("defender.zagros");
        String defender = scenarios.ownProfileOf("defender.zagros");
        String incident = api.post(
                        "/api/incidents", token("defender.zagros"), Scenarios.incidentJson(null, "Raid on the office"))
                .json()
                .get("id")
                .asString();
        api.post("/api/incidents/" + incident + "/triage", token("caseworker.zagros"), "{\"status\": \"TRIAGED\"}");
        JsonNode file = open("caseworker.zagros", defender, incident).json();
        String path = "/api/cases/" + file.get("id").asString();

        var note = api.post(path + "/notes", token("caseworker.zagros"), "{\"text\": \"Staff-only note\"}");
        var outsider = api.post(path + "/notes", token("caseworker2.tigris"), "{\"text\": \"x\"}");
        JsonNode asDefender = api.get(path, token("defender.zagros")).json();
        JsonNode asAssignee = api.get(path, token("caseworker.zagros")).json();

        assertThat(note.status()).isEqualTo(201);
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(asDefender.get("access").asString()).isEqualTo("status");
        assertThat(asDefender.has("notes")).isFalse();
        assertThat(asDefender.toString()).doesNotContain("Staff-only note");
        assertThat(asAssignee.get("notes").get(0).get("text").asString()).isEqualTo("Staff-only note");
    }

    @Test
    void caseFileStatusFollowsItsLifecycle() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Lifecycle");
        String path = "/api/cases/" + file.get("id").asString() + "/status";
        String caseworker = token("caseworker.tigris");

        assertThat(api.post(path, caseworker, "{\"status\": \"ACTIVE\"}").status())
                .isEqualTo(200);
        assertThat(api.post(path, caseworker, "{\"status\": \"OPEN\"}").status())
                .isEqualTo(409);
        assertThat(api.post(path, caseworker, "{\"status\": \"CLOSED\"}").status())
                .isEqualTo(200);
        assertThat(api.post(path.replace("/status", "/notes"), caseworker, "{\"text\": \"late\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post(path, caseworker, "{\"status\": \"OPEN\"}").status())
                .isEqualTo(200);
    }

    @Test
    void incidentListsArePagedAndBounded() {
        scenarios.ownProfileOf("defender.tigris");
        api.post("/api/incidents", token("defender.tigris"), Scenarios.incidentJson(null, "Listed"));

        JsonNode mine =
                api.get("/api/incidents?size=5", token("defender.tigris")).json();
        var tooBig = api.get("/api/incidents?size=101", token("caseworker.tigris"));

        assertThat(mine.get("size").asInt()).isEqualTo(5);
        assertThat(mine.get("items")).isNotEmpty().allSatisfy(i -> assertThat(i.has("narrative"))
                .isFalse());
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(api.get("/api/incidents", token("caseworker.zagros")).json().get("items"))
                .allSatisfy(i -> assertThat(i.get("organisation").asString()).isEqualTo("zagros-aid"));
    }

    @Test
    void defenderSeesTheStatusOfTheirCaseFileButNotItsWorkingHistory() {
        JsonNode file = scenarios.aCaseFileAbout("defender.tigris", "caseworker.tigris", "Staff only summary");
        String path = "/api/cases/" + file.get("id").asString();

        var status = api.get(path, token("defender.tigris"));
        var history = api.get(path + "/history", token("defender.tigris"));
        var staffHistory = api.get(path + "/history", token("caseworker.tigris"));

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("access").asString()).isEqualTo("status");
        assertThat(history.status()).isEqualTo(404);
        assertThat(history.body()).doesNotContain(file.get("id").asString());
        assertThat(staffHistory.status()).isEqualTo(200);
    }
}
