package org.sanad.server.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sanad.infra.keycloak.SanadRealm;
import org.sanad.infra.testing.TestKeycloak;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the Keycloak that {@code infra/bin/sanad-test} started for this test run,
 * through the demo client's password grant (enabled for demos and tests only), read as the
 * server's JSON. The HTTP, the admin client and throwaway users are the shared {@link TestKeycloak}.
 */
public final class Keycloak {

    public static final String DEMO_PASSWORD = SanadRealm.DEMO_PASSWORD;
    public static final String DEMO_CLIENT = SanadRealm.DEMO_CLIENT;

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
        return tokenRequest(issuer(), passwordForm(clientId, username, scope));
    }

    /**
     * The HTTP status of a password grant for a user, without failing on an error: for tests that
     * prove a login is refused.
     */
    public static int passwordGrantStatus(String clientId, String username) {
        return TestKeycloak.tokenRequest(issuer(), passwordForm(clientId, username, "openid"))
                .status();
    }

    /** A demo user's password grant through a client. */
    private static Map<String, String> passwordForm(String clientId, String username, String scope) {
        return Map.of(
                "grant_type", "password",
                "client_id", clientId,
                "username", username,
                "password", DEMO_PASSWORD,
                "scope", scope);
    }

    /** The HTTP status of a refresh-token grant, without failing on an error. */
    public static int refreshGrantStatus(String clientId, String refreshToken) {
        return TestKeycloak.tokenRequest(
                        issuer(),
                        Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken))
                .status();
    }

    /** A token response for an issuer and form, failing on any status but 200. */
    public static JsonNode tokenRequest(String issuer, Map<String, String> form) {
        TestKeycloak.TokenResponse response = TestKeycloak.tokenRequest(issuer, form);
        if (response.status() != 200) {
            throw new IllegalStateException("token request failed with " + response.status() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
