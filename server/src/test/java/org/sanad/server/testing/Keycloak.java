package org.sanad.server.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the Keycloak that {@code infra/bin/sanad-test} started for this test run,
 * through the demo client's password grant (enabled for demos and tests only).
 */
public final class Keycloak {

    public static final String DEMO_PASSWORD = "Sanad-demo-2026!";
    public static final String DEMO_CLIENT = "sanad-demo";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Cached> ACCESS_TOKENS = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {}

    private Keycloak() {}

    /** The issuer of the realm under test, as the server is configured with it. */
    public static String issuer() {
        String issuer = System.getenv("SANAD_ISSUER");
        if (issuer == null) {
            throw new IllegalStateException("SANAD_ISSUER is not set: run the tests with infra/bin/sanad-test");
        }
        return issuer;
    }

    /** An access token of a demo user, reused while it has more than a minute left. */
    public static String accessToken(String username) {
        Cached cached = ACCESS_TOKENS.get(username);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(60))) {
            return cached.token();
        }
        JsonNode response = passwordGrant(DEMO_CLIENT, username, "openid");
        String token = response.get("access_token").asString();
        ACCESS_TOKENS.put(
                username,
                new Cached(
                        token,
                        Instant.now().plusSeconds(response.get("expires_in").asLong())));
        return token;
    }

    /** The whole token response (access, ID and refresh tokens) of a fresh password grant. */
    public static JsonNode passwordGrant(String clientId, String username, String scope) {
        return tokenRequest(
                issuer(),
                Map.of(
                        "grant_type", "password",
                        "client_id", clientId,
                        "username", username,
                        "password", DEMO_PASSWORD,
                        "scope", scope));
    }

    /**
     * The HTTP status of a password grant for a user, without failing on an error: for tests that
     * prove a login is refused.
     */
    public static int passwordGrantStatus(String clientId, String username) {
        return tokenRequestStatus(
                issuer(),
                Map.of(
                        "grant_type", "password",
                        "client_id", clientId,
                        "username", username,
                        "password", DEMO_PASSWORD,
                        "scope", "openid"));
    }

    /** The HTTP status of a refresh-token grant, without failing on an error. */
    public static int refreshGrantStatus(String clientId, String refreshToken) {
        return tokenRequestStatus(
                issuer(), Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    static int tokenRequestStatus(String issuer, Map<String, String> form) {
        try {
            return HTTP.send(tokenHttpRequest(issuer, form), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest tokenHttpRequest(String issuer, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A token response for an issuer and form, failing on any status but 200. */
    public static JsonNode tokenRequest(String issuer, Map<String, String> form) {
        var request = tokenHttpRequest(issuer, form);
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token request failed with " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
