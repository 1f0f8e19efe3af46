package org.sanad.server.access.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.infra.testing.TestKeycloak.TestUser;
import org.sanad.server.SanadApplication;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Role;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Emergency lockdown end to end: real tokens of throwaway Keycloak users, the real
 * server and its PostgreSQL.
 */
@IntegrationTest
@RecordApplicationEvents
class LockdownIntegrationTests extends ServerTest {

    static final String REASON = "Verified in person that the phone was recovered safely";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountLockdowns lockdowns;

    @Autowired
    ApplicationEvents events;

    @Test
    void lockedDownTokenIsRefusedOnTheNextRequest() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        String token = Keycloak.accessToken(defender.username());
        assertThat(api.get("/api/me", token).status()).isEqualTo(200);

        var response = post("/api/me/lockdown", token, null);

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.get("subject").asString()).isEqualTo(defender.subject());
        assertThat(body.get("status").asString()).isEqualTo("LOCKED");
        assertThat(body.get("notBefore").asString()).isNotBlank();
        assertRefused(api.get("/api/me", token));
    }

    @Test
    void lockedDownUserCannotLogInOrRefreshAndHasNoSessionsLeft() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        JsonNode tokens = Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, defender.username(), "openid");
        assertThat(TestKeycloak.sanad().users().get(defender.subject()).getUserSessions())
                .isNotEmpty();

        assertThat(post("/api/me/lockdown", tokens.get("access_token").asString(), null)
                        .status())
                .isEqualTo(202);

        assertThat(Keycloak.passwordGrantStatus(Keycloak.DEMO_CLIENT, defender.username()))
                .isEqualTo(400);
        assertThat(Keycloak.refreshGrantStatus(
                        Keycloak.DEMO_CLIENT, tokens.get("refresh_token").asString()))
                .isEqualTo(400);
        var user = TestKeycloak.sanad().users().get(defender.subject());
        assertThat(user.toRepresentation().isEnabled()).isFalse();
        assertThat(user.getUserSessions()).isEmpty();
    }

    @Test
    void lockdownIsKeptInPostgresqlAndHoldsAfterAServerRestart() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        String token = Keycloak.accessToken(defender.username());
        assertThat(post("/api/me/lockdown", token, null).status()).isEqualTo(202);

        assertThat(jdbc.queryForObject(
                        "select locked from sanad.account_lock where subject = ?", Boolean.class, defender.subject()))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "select kind from sanad.account_lock_change where subject = ? and actor = ?",
                        String.class,
                        defender.subject(),
                        defender.subject()))
                .containsExactly("LOCKDOWN");

        // A second server, started fresh in its own JVM-level context, knows nothing but what is
        // in PostgreSQL; Keycloak's signature on the token is still valid.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(SanadApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off")) {
            int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
            var secondServer = new Api(restartedPort);

            assertRefused(secondServer.get("/api/me", token));
            assertThat(secondServer
                            .get("/api/me", Keycloak.accessToken("defender.tigris"))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void supervisorLocksDownAnAccountOfTheirOrganisation() {
        TestUser caseworker = TestKeycloak.createUser("caseworker", "tigris-legal");
        String token = Keycloak.accessToken(caseworker.username());

        var response = post(
                "/api/users/" + caseworker.subject() + "/lockdown", Keycloak.accessToken("supervisor.tigris"), null);

        assertThat(response.status()).isEqualTo(202);
        assertRefused(api.get("/api/me", token));
        assertThat(Keycloak.passwordGrantStatus(Keycloak.DEMO_CLIENT, caseworker.username()))
                .isEqualTo(400);
        assertThat(jdbc.queryForList(
                        "select actor from sanad.account_lock_change where subject = ?",
                        String.class,
                        caseworker.subject()))
                .containsExactly(subjectOf("supervisor.tigris"));
    }

    @Test
    void lockdownsAreRecordedInTheAccessLog() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        TestUser caseworker = TestKeycloak.createUser("caseworker", "tigris-legal");
        post("/api/me/lockdown", Keycloak.accessToken(defender.username()), null);
        post("/api/users/" + caseworker.subject() + "/lockdown", Keycloak.accessToken("supervisor.tigris"), null);

        var self = jdbc.queryForMap(
                "select actor, purpose from sanad.access_log where action = 'LOCKDOWN' and record_id = ?::uuid",
                defender.subject());
        var other = jdbc.queryForMap(
                "select actor, purpose from sanad.access_log where action = 'LOCKDOWN' and record_id = ?::uuid",
                caseworker.subject());

        assertThat(self).containsEntry("actor", defender.subject()).containsEntry("purpose", "self-lockdown");
        assertThat(other).containsEntry("actor", subjectOf("supervisor.tigris")).containsEntry("purpose", "lockdown");
    }

    @Test
    void supervisorOfAnotherOrganisationGetsNotFoundAndChangesNothing() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        String token = Keycloak.accessToken(defender.username());

        var response =
                post("/api/users/" + defender.subject() + "/lockdown", Keycloak.accessToken("supervisor.zagros"), null);

        assertNotFoundLike(response, defender.subject());
        assertThat(api.get("/api/me", token).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from sanad.account_lock where subject = ?", Integer.class, defender.subject()))
                .isZero();
    }

    @Test
    void unknownOrMalformedSubjectIsNotFound() {
        String supervisor = Keycloak.accessToken("supervisor.tigris");

        assertNotFoundLike(post("/api/users/" + UUID.randomUUID() + "/lockdown", supervisor, null), "lockdown");
        assertNotFoundLike(post("/api/users/not-a-subject-canary/lockdown", supervisor, null), "canary");
        assertNotFoundLike(
                post("/api/users/" + UUID.randomUUID() + "/unlock", supervisor, "{\"reason\":\"" + REASON + "\"}"),
                "unlock");
    }

    @Test
    void caseworkerAndDefenderCannotLockDownOrUnlockOthers() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        for (String caller : new String[] {"caseworker.tigris", "defender.tigris", "admin.platform"}) {
            String token = Keycloak.accessToken(caller);
            assertThat(post("/api/users/" + defender.subject() + "/lockdown", token, null)
                            .status())
                    .as(caller)
                    .isEqualTo(403);
            assertThat(post("/api/users/" + defender.subject() + "/unlock", token, "{\"reason\":\"" + REASON + "\"}")
                            .status())
                    .as(caller)
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/me", Keycloak.accessToken(defender.username())).status())
                .isEqualTo(200);
    }

    @Test
    void lockedUserCannotUnlockThemselves() {
        TestUser supervisor = TestKeycloak.createUser("supervisor", "tigris-legal");
        String token = Keycloak.accessToken(supervisor.username());
        assertThat(post("/api/me/lockdown", token, null).status()).isEqualTo(202);

        var response = post("/api/users/" + supervisor.subject() + "/unlock", token, "{\"reason\":\"" + REASON + "\"}");

        assertRefused(response);
        assertThat(TestKeycloak.sanad()
                        .users()
                        .get(supervisor.subject())
                        .toRepresentation()
                        .isEnabled())
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "select locked from sanad.account_lock where subject = ?", Boolean.class, supervisor.subject()))
                .isTrue();
    }

    @Test
    void supervisorUnlockReEnablesTheAccountButTokensFromBeforeTheLockdownStayRefused() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        String oldToken = Keycloak.accessToken(defender.username());
        var lockdown = post("/api/me/lockdown", oldToken, null);
        assertThat(lockdown.status()).isEqualTo(202);
        // iat has whole seconds, so a token issued in the lockdown's second is refused even after
        // an unlock. Real unlocks come minutes later; here, wait for the next second.
        awaitNextSecondAfter(Instant.parse(lockdown.json().get("notBefore").asString()));

        var response = post(
                "/api/users/" + defender.subject() + "/unlock",
                Keycloak.accessToken("supervisor.tigris"),
                "{\"reason\":\"" + REASON + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UNLOCKED");
        assertThat(response.body()).doesNotContain("phone");
        assertRefused(api.get("/api/me", oldToken));
        String newToken = Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, defender.username(), "openid")
                .get("access_token")
                .asString();
        assertThat(api.get("/api/me", newToken).status()).isEqualTo(200);
        var unlock = jdbc.queryForMap(
                "select actor, reason, at from sanad.account_lock_change where subject = ? and kind = 'UNLOCK'",
                defender.subject());
        assertThat(unlock.get("actor")).isEqualTo(subjectOf("supervisor.tigris"));
        assertThat(unlock.get("reason")).isEqualTo(REASON);
        assertThat(unlock.get("at")).isNotNull();
    }

    @Test
    void unlockNeedsAReasonOfTwentyToTwoThousandCharacters() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        assertThat(post("/api/me/lockdown", Keycloak.accessToken(defender.username()), null)
                        .status())
                .isEqualTo(202);
        String supervisor = Keycloak.accessToken("supervisor.tigris");
        String path = "/api/users/" + defender.subject() + "/unlock";

        for (String body : new String[] {
            "",
            "{}",
            "{\"reason\":null}",
            "{\"reason\":\"too short canary\"}",
            "{\"reason\":\"" + " ".repeat(25) + "\"}",
            "{\"reason\":\"" + "x".repeat(2001) + "\"}",
            "{\"reason\":",
        }) {
            var response = post(path, supervisor, body);
            assertThat(response.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("canary", "xxxx");
        }
        assertThat(TestKeycloak.sanad()
                        .users()
                        .get(defender.subject())
                        .toRepresentation()
                        .isEnabled())
                .isFalse();
    }

    @Test
    void unlockOfAnAccountThatIsNotLockedIsConflict() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");

        var response = post(
                "/api/users/" + defender.subject() + "/unlock",
                Keycloak.accessToken("supervisor.tigris"),
                "{\"reason\":\"" + REASON + "\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void lockdownAndUnlockPublishEventsForTheAccessLog() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        var caller = new Caller(
                new Subject(defender.subject()),
                new OrganisationId("tigris-legal"),
                Set.of(Role.DEFENDER),
                "sanad-demo");
        var supervisor = new Caller(
                new Subject(subjectOf("supervisor.tigris")),
                new OrganisationId("tigris-legal"),
                Set.of(Role.SUPERVISOR),
                "sanad-demo");

        var lockedAt = lockdowns.lockDownSelf(caller);
        lockdowns.unlock(defender.subject(), supervisor, REASON);

        assertThat(events.stream(AccountLockedDown.class))
                .containsExactly(new AccountLockedDown(defender.subject(), defender.subject(), lockedAt));
        assertThat(events.stream(AccountUnlocked.class)).singleElement().satisfies(unlocked -> {
            assertThat(unlocked.subject()).isEqualTo(defender.subject());
            assertThat(unlocked.by()).isEqualTo(supervisor.subject().value());
            assertThat(unlocked.reason()).isEqualTo(REASON);
            assertThat(unlocked.toString()).doesNotContain("phone");
        });
    }

    @Test
    void applicationRoleCannotEraseOrRewriteTheLockdownHistory() {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        assertThat(post("/api/me/lockdown", Keycloak.accessToken(defender.username()), null)
                        .status())
                .isEqualTo(202);

        assertThatThrownBy(() -> jdbc.update("delete from sanad.account_lock where subject = ?", defender.subject()))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update(
                        "update sanad.account_lock_change set actor = 'someone' where subject = ?", defender.subject()))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() ->
                        jdbc.update("delete from sanad.account_lock_change where subject = ?", defender.subject()))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    private Api.Response post(String path, String token, String json) {
        var request = api.request(path).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return api.send(request.build());
    }

    private static void awaitNextSecondAfter(Instant instant) {
        Instant next = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (Instant.now().isBefore(next)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String subjectOf(String demoUser) {
        return api.get("/api/me", Keycloak.accessToken(demoUser))
                .json()
                .get("subject")
                .asString();
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    private static void assertNotFoundLike(Api.Response response, String mustNotEcho) {
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:sanad:problem:not-found");
        assertThat(response.body()).doesNotContain(mustNotEcho);
    }
}
