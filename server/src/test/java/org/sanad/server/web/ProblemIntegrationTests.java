package org.sanad.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;

/** Bad requests get fixed RFC 9457 problems: never a 500, a stack trace or an echo of the input. */
@IntegrationTest
class ProblemIntegrationTests extends ServerTest {

    @Test
    void unknownPathIsNotFoundProblem() {
        var response = api.get("/api/no-such-thing-canary", Keycloak.accessToken("caseworker.tigris"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:sanad:problem:not-found");
        assertThat(response.json().get("instance").asString())
                .isEqualTo("urn:sanad:request:" + response.header("X-Request-Id"));
        assertThat(response.body()).doesNotContain("canary", "no-such-thing");
    }

    @Test
    void unknownPathWithoutTokenIsUnauthorizedNotNotFound() {
        // The endpoint map is not revealed to anonymous callers.
        assertThat(api.get("/api/no-such-thing", null).status()).isEqualTo(401);
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() {
        var response = api.send(api.request("/api/me")
                .header("Authorization", "Bearer " + Keycloak.accessToken("caseworker.tigris"))
                .DELETE()
                .build());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oneMegabyteHeaderIsRefusedWithoutStackTrace() {
        String huge = "x".repeat(1024 * 1024);
        var response =
                api.send(api.request("/api/me").header("X-Canary", huge).GET().build());

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("xxxxxxxx", "Exception", "at org.", "Tomcat");
    }

    @Test
    void oversizedAuthorizationHeaderIsRefused() {
        var response = api.send(api.request("/api/me")
                .header("Authorization", "Bearer " + "a".repeat(64 * 1024))
                .GET()
                .build());

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("aaaaaaaa", "Exception");
    }

    @Test
    void healthIsPublicAndSaysNothingMore() {
        var response = api.get("/actuator/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
        assertThat(response.json().has("components")).isFalse();
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        String token = Keycloak.accessToken("admin.platform");
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator"}) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, token).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void responsesCarrySecurityHeadersAndRequestId() {
        var response = api.get("/api/me", Keycloak.accessToken("caseworker.tigris"));

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void requestIdThatCouldInjectIntoLogsIsReplaced() {
        var response = api.send(api.request("/actuator/health")
                .header("X-Request-Id", "abc\tdef; drop")
                .GET()
                .build());

        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }
}
