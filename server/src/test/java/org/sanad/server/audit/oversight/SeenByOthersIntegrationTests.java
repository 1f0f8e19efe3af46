package org.sanad.server.audit.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/** "Who has seen my file" through the API: the defender's own records, read by others, named by role and code. */
class SeenByOthersIntegrationTests extends ServerTest {

    private JsonNode seen(String token) {
        var response = api.get("/api/me/access-log", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String tokenOf(TestKeycloak.TestUser user) {
        return Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, user.username(), "openid")
                .get("access_token")
                .asString();
    }

    @Test
    void aDefenderSeesWhichOrganisationRoleAndStaffCodeOpenedTheirRecordsButNotTheirOwnReads() {
        var defender = TestKeycloak.createUser("defender", "tigris-legal");
        String token = tokenOf(defender);
        String profile = api.post("/api/defenders", token, Scenarios.profileJson("Seen Canary"))
                .json()
                .get("id")
                .asString();
        assertThat(api.get("/api/defenders/" + profile, token).status()).isEqualTo(200);
        String report = api.post("/api/incidents", token, Scenarios.incidentJson(null, "seen narrative"))
                .json()
                .get("id")
                .asString();
        assertThat(seen(token).get("total").asLong()).isZero();

        String caseworker = Keycloak.accessToken("caseworker.tigris");
        assertThat(api.post("/api/incidents/" + report + "/triage", caseworker, "{\"status\":\"TRIAGED\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/defenders/" + profile, caseworker).status()).isEqualTo(200);

        JsonNode seen = seen(token);
        assertThat(seen.get("total").asLong()).isPositive();
        JsonNode read = seen.get("items")
                .valueStream()
                .filter(entry -> entry.get("recordType").asString().equals("defender"))
                .findFirst()
                .orElseThrow();
        assertThat(read.get("organisation").asString()).isEqualTo("tigris-legal");
        assertThat(read.get("role").asString()).isEqualTo("CASEWORKER");
        assertThat(read.get("staffCode").asString()).matches("STF-[0-9A-Z]{6}");
        assertThat(read.get("purpose").asString()).isEqualTo("casework");
        assertThat(seen.toString()).doesNotContain("Seen Canary").doesNotContain(defender.subject());
        // No subject of the staff member either: a code, not an account.
        String caseworkerSubject =
                api.get("/api/me", caseworker).json().get("subject").asString();
        assertThat(seen.toString()).doesNotContain(caseworkerSubject);

        // The same staff member keeps the same code.
        assertThat(api.get("/api/defenders/" + profile, caseworker).status()).isEqualTo(200);
        JsonNode again = seen(token);
        assertThat(again.get("items")
                        .valueStream()
                        .map(e -> e.get("staffCode").asString())
                        .distinct())
                .containsExactly(read.get("staffCode").asString());
    }

    @Test
    void anotherDefenderSeesNothingOfItAndStaffMayNotAsk() {
        var other = TestKeycloak.createUser("defender", "tigris-legal");
        String token = tokenOf(other);
        assertThat(api.post("/api/defenders", token, Scenarios.profileJson("Other"))
                        .status())
                .isEqualTo(201);
        assertThat(seen(token).get("total").asLong()).isZero();
        assertThat(api.get("/api/me/access-log", Keycloak.accessToken("caseworker.tigris"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/me/access-log?size=1000", token).status()).isEqualTo(400);
    }
}
