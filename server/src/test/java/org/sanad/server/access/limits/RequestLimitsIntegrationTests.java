package org.sanad.server.access.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Request size and rate limits on the running server. The intake and search routes the limits are
 * configured for do not exist yet, so this context limits {@code GET /api/me} instead.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "sanad.access.rate-limits[0].method=GET",
            "sanad.access.rate-limits[0].pattern=/api/me",
            "sanad.access.rate-limits[0].requests=3",
            "sanad.access.rate-limits[0].per=1h"
        })
class RequestLimitsIntegrationTests extends ServerTest {

    @Test
    void subjectOverTheLimitGets429WithRetryAfterWhileOthersGoOn() {
        String token = Keycloak.accessToken("caseworker2.tigris");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/me", token).status()).isEqualTo(200);
        }

        var limited = api.get("/api/me", token);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).isEqualTo("urn:sanad:problem:too-many-requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(api.get("/api/me", Keycloak.accessToken("caseworker.zagros")).status())
                .isEqualTo(200);
    }

    /** A supervisor's unlock request for some account, with this body. */
    Api.Response unlockWithBody(HttpRequest.BodyPublisher body) {
        return api.send(api.request("/api/users/" + UUID.randomUUID() + "/unlock")
                .header("Authorization", "Bearer " + Keycloak.accessToken("supervisor.tigris"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build());
    }

    @Test
    void bodyAnnouncedAboveTheMaximumIsRefusedWith413() {
        String body = "{\"reason\":\"" + "x".repeat(300 * 1024) + "\"}";

        var response = unlockWithBody(HttpRequest.BodyPublishers.ofString(body));

        assertTooLarge(response);
    }

    @Test
    void streamedBodyGrowingAboveTheMaximumIsRefusedWith413() {
        byte[] body = ("{\"reason\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        // No Content-Length: the body is sent chunked and only counting it can catch it.
        var response = unlockWithBody(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertTooLarge(response);
    }

    @Test
    void oversizedBodyIsRefusedEvenWithoutAToken() {
        var response = api.send(api.request("/api/me/lockdown")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(300 * 1024)))
                .build());

        assertTooLarge(response);
    }

    @Test
    void bodyWithinTheMaximumIsReadNormally() {
        String body = "{\"reason\":\"" + "x".repeat(200 * 1024) + "\"}";

        var response = unlockWithBody(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));

        // Read to the end and refused by validation (a reason is at most 2000 characters).
        assertThat(response.status()).isEqualTo(400);
    }

    private static void assertTooLarge(Api.Response response) {
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:sanad:problem:content-too-large");
        assertThat(response.body()).doesNotContain("xxxx");
    }
}
