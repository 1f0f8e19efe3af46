package org.sanad.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.sanad.server.testing.ServerTest;

/** A retried create returns the first result and creates nothing twice. */
@IntegrationTest
class IdempotencyIntegrationTests extends ServerTest {

    Api.Response create(String user, String key, String body) {
        return api.send(api.request("/api/defenders")
                .header("Authorization", "Bearer " + Keycloak.accessToken(user))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void retryReturnsTheFirstResultAndCreatesNothingTwice() {
        String key = UUID.randomUUID().toString();
        String body = Scenarios.profileJson("Idempotent Person");
        long before = Database.count("defenders");

        var first = create("caseworker.tigris", key, body);
        var retry = create("caseworker.tigris", key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(retry.json().get("legalName").asString()).isEqualTo("Idempotent Person");
        assertThat(Database.count("defenders")).isEqualTo(before + 1);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        create("caseworker.tigris", key, Scenarios.profileJson("First Body"));
        long before = Database.count("defenders");

        var other = create("caseworker.tigris", key, Scenarios.profileJson("Second Body"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).doesNotContain("Second Body");
        assertThat(Database.count("defenders")).isEqualTo(before);
    }

    @Test
    void keysAreScopedPerSubject() {
        String key = UUID.randomUUID().toString();
        String body = Scenarios.profileJson("Scoped Person");

        var mine = create("caseworker.tigris", key, body);
        var theirs = create("caseworker2.tigris", key, body);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("id").asString())
                .isNotEqualTo(mine.json().get("id").asString());
    }

    @Test
    void failedRequestReleasesItsKey() {
        String key = UUID.randomUUID().toString();

        var invalid = create("caseworker.tigris", key, "{\"legalName\": \"\"}");
        var valid = create("caseworker.tigris", key, Scenarios.profileJson("After Failure"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(valid.status()).isEqualTo(201);
    }

    @Test
    void retryWhileTheFirstRequestIsRunningIsAConflict() {
        String key = UUID.randomUUID().toString();
        String subject = api.get("/api/me", Keycloak.accessToken("caseworker.tigris"))
                .json()
                .get("subject")
                .asString();
        Database.asSuperuser()
                .update(
                        "insert into sanad.idempotency_keys (subject, idempotency_key, fingerprint, state, created_at) values (?, ?, ?, 'IN_PROGRESS', now())",
                        subject,
                        key,
                        new byte[8]);
        long before = Database.count("defenders");

        var concurrent = create("caseworker.tigris", key, Scenarios.profileJson("Concurrent Person"));

        assertThat(concurrent.status()).isEqualTo(409);
        assertThat(Database.count("defenders")).isEqualTo(before);
    }

    @Test
    void malformedKeyIsRefused() {
        assertThat(create("caseworker.tigris", "short", Scenarios.profileJson("Bad Key"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void storedKeysHoldNoBody() {
        String key = UUID.randomUUID().toString();
        create("caseworker.tigris", key, Scenarios.profileJson("Kx4NotStored"));

        var row = Database.asSuperuser()
                .queryForMap("select * from sanad.idempotency_keys where idempotency_key = ?", key);

        assertThat(row.toString()).doesNotContain("Kx4NotStored");
        assertThat(row.get("state")).isEqualTo("DONE");
    }
}
