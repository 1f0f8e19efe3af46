package org.sanad.server.access.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages' matrix for a browser without a session: every page the application maps has a row,
 * and answers it. What signed-in roles may open is proved in a real browser (SessionRulesBrowserTests,
 * DefenderBrowserTests), since a page answers to a session, not a token.
 */
class PageAuthorizationIntegrationTests extends ServerTest {

    /** method and path: what a request without a session gets. "/" means: sent to the front door. */
    static final Map<String, String> WITHOUT_SESSION = Map.ofEntries(
            Map.entry("GET /", "200"),
            Map.entry("GET /signed-out", "200"),
            Map.entry("GET /exit", "302"),
            Map.entry("GET /account/lockdown", "/"),
            Map.entry("POST /account/lockdown", "403"),
            Map.entry("GET /me", "/"),
            Map.entry("GET /me/profile", "/"),
            Map.entry("GET /me/profile/new", "/"),
            Map.entry("POST /me/profile/new", "403"),
            Map.entry("GET /me/profile/edit", "/"),
            Map.entry("POST /me/profile/edit", "403"),
            Map.entry("GET /me/reports", "/"),
            Map.entry("GET /me/reports/new", "/"),
            Map.entry("POST /me/reports/new", "403"),
            Map.entry("GET /me/reports/{id}", "/"),
            Map.entry("GET /me/cases", "/"),
            Map.entry("GET /me/referrals", "/"),
            Map.entry("GET /me/seen", "/"),
            Map.entry("GET /staff/reports", "/"),
            Map.entry("POST /logout/connect/back-channel/keycloak", "400"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void everyPageHasARowAndEveryRowAPage() {
        var pages = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> !path.startsWith("/api/") && !path.equals("/error"))
                .forEach(path -> info.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> pages.add(method.name() + " " + path))));
        assertThat(pages).isEqualTo(new TreeSet<>(WITHOUT_SESSION.keySet()));
    }

    @Test
    void withoutASessionOnlyTheFrontDoorOpensAndNothingChanges() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var row : WITHOUT_SESSION.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String path =
                    row.getKey().substring(method.length() + 1).replace("{id}", "6f1c3c4e-3c1b-4f43-9a44-1d1e2c3b4a5f");
            var request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
            if (method.equals("POST")) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("logout_token=not-a-token&legalName=x"));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String got = response.statusCode() == 302
                            && response.headers()
                                    .firstValue("Location")
                                    .orElse("")
                                    .matches("(http://(127\\.0\\.0\\.1|localhost):" + port + ")?/")
                    ? "/"
                    : String.valueOf(response.statusCode());
            if (!got.equals(row.getValue())) {
                wrong.add(row.getKey() + ": " + got + " instead of " + row.getValue());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
