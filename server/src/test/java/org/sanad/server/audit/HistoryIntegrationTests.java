package org.sanad.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/** Change history: who, when, which fields, never values; readable under need-to-know only. */
@IntegrationTest
class HistoryIntegrationTests extends ServerTest {

    @Test
    void historyNamesWhoChangedWhichFieldsButNoValues() {
        String caseworker = Keycloak.accessToken("caseworker.tigris");
        String id = scenarios.aDefenderRegisteredBy("caseworker.tigris", "History Hx9Value");
        api.patch("/api/defenders/" + id, caseworker, "\"0\"", "{\"phone\": \"07705556677\"}");
        String subject = api.get("/api/me", caseworker).json().get("subject").asString();

        var response = api.get("/api/defenders/" + id + "/history", caseworker);

        assertThat(response.status()).isEqualTo(200);
        JsonNode history = response.json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("type").asString()).isEqualTo("ADD");
        assertThat(history.get(1).get("type").asString()).isEqualTo("MOD");
        assertThat(history.get(1).get("changedFields"))
                .extracting(JsonNode::asString)
                .containsExactly("phone");
        assertThat(history.get(1).get("subject").asString()).isEqualTo(subject);
        assertThat(history.get(1).get("organisation").asString()).isEqualTo("tigris-legal");
        assertThat(history.get(1).get("requestId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Hx9Value", "07705556677");
    }

    @Test
    void historyReadIsItselfRecorded() {
        String id = scenarios.aDefenderRegisteredBy("caseworker.tigris", "History Logged");

        api.get("/api/defenders/" + id + "/history", Keycloak.accessToken("caseworker.tigris"));

        assertThat(Database.asSuperuser()
                        .queryForObject(
                                "select count(*) from sanad.access_log where action = 'HISTORY' and record_id = ?::uuid",
                                Long.class,
                                id))
                .isEqualTo(1);
    }

    @Test
    void historyFollowsNeedToKnow() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "History of a case");
        String path = "/api/cases/" + file.get("id").asString() + "/history";

        assertThat(api.get(path, Keycloak.accessToken("caseworker.tigris")).status())
                .isEqualTo(200);
        assertThat(api.get(path, Keycloak.accessToken("supervisor.tigris")).status())
                .isEqualTo(200);
        assertThat(api.get(path, Keycloak.accessToken("caseworker2.tigris")).status())
                .isEqualTo(404);
        assertThat(api.get(path, Keycloak.accessToken("supervisor.zagros")).status())
                .isEqualTo(404);
    }

    @Test
    void assigningShowsInTheCaseHistory() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Assignment history");
        String id = file.get("id").asString();
        String subject = api.get("/api/me", Keycloak.accessToken("caseworker2.tigris"))
                .json()
                .get("subject")
                .asString();
        api.post(
                "/api/cases/" + id + "/assignees",
                Keycloak.accessToken("supervisor.tigris"),
                "{\"subject\": \"" + subject + "\"}");

        JsonNode history = api.get("/api/cases/" + id + "/history", Keycloak.accessToken("supervisor.tigris"))
                .json();

        assertThat(history.get(history.size() - 1).get("changedFields"))
                .extracting(JsonNode::asString)
                .contains("assignees");
    }
}
