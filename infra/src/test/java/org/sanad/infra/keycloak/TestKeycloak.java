package org.sanad.infra.keycloak;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;

/** The Keycloak of this test run (started by infra/bin/sanad-test), as its bootstrap admin. */
final class TestKeycloak {

    private static Keycloak admin;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestKeycloak() {}

    static synchronized Keycloak admin() {
        if (admin == null) {
            requireEnvironment();
            admin = AdminConnection.bootstrapAdmin(System.getenv());
        }
        return admin;
    }

    static String url() {
        requireEnvironment();
        return AdminConnection.serverUrl(System.getenv());
    }

    private static void requireEnvironment() {
        if (System.getenv("SANAD_KEYCLOAK_URL") == null || System.getenv("KEYCLOAK_ADMIN_PASSWORD") == null) {
            throw new IllegalStateException(
                    "SANAD_KEYCLOAK_URL and KEYCLOAK_ADMIN_PASSWORD are not set: run with infra/bin/sanad-test");
        }
    }

    /** The HTTP status of a password grant through the demo client of realm sanad. */
    static int passwordGrantStatus(String username, String password) throws Exception {
        String body = Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        SanadRealm.DEMO_CLIENT,
                        "username",
                        username,
                        "password",
                        password)
                .entrySet()
                .stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(
                        URI.create(url() + "/realms/" + SanadRealm.NAME + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
