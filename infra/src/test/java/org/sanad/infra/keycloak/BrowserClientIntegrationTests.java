package org.sanad.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sanad.infra.testing.TestKeycloak;

/**
 * The browser client as the test run's Keycloak enforces it (realm sanad imported from the committed
 * demo file): the code flow with PKCE to exactly the server's callback, nothing else, and login
 * pages in Arabic and English.
 */
class BrowserClientIntegrationTests {

    static final String CALLBACK = "http://localhost:8080/login/oauth2/code/keycloak";
    /** RFC 7636 appendix B's challenge: any well-formed S256 challenge will do here. */
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> authorize(Map<String, String> overrides) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", SanadRealm.WEB_CLIENT);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", CALLBACK);
        query.put("state", "s-1");
        query.put("nonce", "n-1");
        query.put("code_challenge", CHALLENGE);
        query.put("code_challenge_method", "S256");
        query.putAll(overrides);
        query.values().removeIf(String::isEmpty);
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(
                        TestKeycloak.url() + "/realms/" + SanadRealm.NAME + "/protocol/openid-connect/auth?" + encoded))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLoginPageSpeaksArabicRightToLeft() throws Exception {
        var page = authorize(Map.of("ui_locales", "ar"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ar\"").contains("dir=\"rtl\"");
    }

    @Test
    void theLoginPageSpeaksEnglishWhenAskedTo() throws Exception {
        var page = authorize(Map.of("ui_locales", "en"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"en\"").doesNotContain("dir=\"rtl\"");
    }

    @Test
    void aLoginWithoutPkceIsRefused() throws Exception {
        var refused = authorize(Map.of("code_challenge", "", "code_challenge_method", ""));

        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.headers().firstValue("Location").orElse(""))
                .startsWith(CALLBACK)
                .contains("error=invalid_request");
    }

    @Test
    void aPlainPkceChallengeIsRefused() throws Exception {
        var refused = authorize(Map.of("code_challenge_method", "plain", "code_challenge", CHALLENGE));

        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("error=invalid_request");
    }

    @Test
    void noOtherRedirectTargetIsAccepted() throws Exception {
        for (String elsewhere : new String[] {
            "http://localhost:8080/login/oauth2/code/keycloak/../../evil",
            "http://localhost:8081/login/oauth2/code/keycloak",
            "https://attacker.example/login/oauth2/code/keycloak",
            "http://localhost:8080/"
        }) {
            var refused = authorize(Map.of("redirect_uri", elsewhere));

            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(elsewhere).isEmpty();
        }
    }

    @Test
    void theImplicitFlowIsRefused() throws Exception {
        var refused = authorize(Map.of("response_type", "token"));

        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.headers().firstValue("Location").orElse(""))
                .contains("error=")
                .doesNotContain("access_token");
    }

    @Test
    void theBrowserClientCannotUseThePasswordGrant() {
        var response = TestKeycloak.tokenRequest(
                TestKeycloak.url() + "/realms/" + SanadRealm.NAME,
                Map.of(
                        "grant_type", "password",
                        "client_id", SanadRealm.WEB_CLIENT,
                        "client_secret", SanadRealm.DEMO_WEB_SECRET,
                        "username", "defender.tigris",
                        "password", SanadRealm.DEMO_PASSWORD));

        assertThat(response.status()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    /**
     * The server keeps the browser login's ID token in its session, for signing out: the client's
     * scopes keep names and e-mail addresses out of it.
     */
    @Test
    void theBrowserClientsIdTokenCarriesNoNameOrEmail() {
        var clients = TestKeycloak.sanad().clients();
        String id = clients.findByClientId(SanadRealm.WEB_CLIENT).getFirst().getId();
        assertThat(clients.get(id).getDefaultClientScopes())
                .extracting(scope -> scope.getName())
                .containsExactlyInAnyOrderElementsOf(SanadRealm.WEB_CLIENT_SCOPES);
        assertThat(clients.get(id).getOptionalClientScopes()).isEmpty();
        String user = TestKeycloak.sanad()
                .users()
                .search("defender.tigris", true)
                .getFirst()
                .getId();
        var token = clients.get(id).clientScopesEvaluate().generateExampleIdToken("openid", user, null);
        assertThat(token.getOtherClaims()).doesNotContainKeys("email", "name", "given_name", "family_name");
        assertThat(token.getEmail()).isNull();
        assertThat(token.getName()).isNull();
        assertThat(token.getPreferredUsername()).isNull();
        assertThat(token.getSubject()).isEqualTo(user);
    }
}
