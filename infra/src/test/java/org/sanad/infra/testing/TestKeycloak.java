package org.sanad.infra.testing;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanad.infra.keycloak.SanadRealm;

/**
 * The Keycloak of this test run, started by {@code infra/bin/sanad-test}, for the tests of every
 * module: its bootstrap admin, throwaway users in realm sanad, and raw token requests. Published to
 * the server's tests as this module's test jar.
 */
public final class TestKeycloak {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Keycloak admin;

    private TestKeycloak() {}

    /** Keycloak's base URL, as the test run started it. */
    public static String url() {
        return env("SANAD_KEYCLOAK_URL");
    }

    /** The bootstrap admin (realm master), created once per test JVM. */
    public static synchronized Keycloak admin() {
        if (admin == null) {
            admin = KeycloakBuilder.builder()
                    .serverUrl(url())
                    .realm("master")
                    .clientId("admin-cli")
                    .username(System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin"))
                    .password(env("KEYCLOAK_ADMIN_PASSWORD"))
                    .build();
        }
        return admin;
    }

    public static RealmResource sanad() {
        return admin().realm(SanadRealm.NAME);
    }

    /** A user made for one test, with the demo password, one organisation and one realm role. */
    public record TestUser(String subject, String username) {}

    /**
     * Creates a fully set-up user in realm sanad who can log in through the demo client, for
     * fixtures that must not disturb the demo users other tests rely on.
     */
    public static TestUser createUser(String role, String organisation) {
        String username = "test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@test.sanad.invalid");
        user.setEmailVerified(true);
        user.setFirstName("Test");
        user.setLastName("User " + role);
        user.setAttributes(Map.of("org", List.of(organisation)));
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(SanadRealm.DEMO_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String subject;
        try (Response response = sanad().users().create(user)) {
            subject = CreatedResponseUtil.getCreatedId(response);
        }
        sanad().users()
                .get(subject)
                .roles()
                .realmLevel()
                .add(List.of(sanad().roles().get(role).toRepresentation()));
        return new TestUser(subject, username);
    }

    /** The status and body of a token endpoint response. */
    public record TokenResponse(int status, String body) {}

    /** A form posted to the token endpoint of an issuer ({@code .../realms/<name>}), whatever it answers. */
    public static TokenResponse tokenRequest(String issuer, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new TokenResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a password grant through the demo client of realm sanad. */
    public static int passwordGrantStatus(String username, String password) {
        return tokenRequest(
                        url() + "/realms/" + SanadRealm.NAME,
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                SanadRealm.DEMO_CLIENT,
                                "username",
                                username,
                                "password",
                                password,
                                "scope",
                                "openid"))
                .status();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with infra/bin/sanad-test");
        }
        return value;
    }
}
