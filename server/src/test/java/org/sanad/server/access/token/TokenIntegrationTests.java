package org.sanad.server.access.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/** Real tokens from the real Keycloak against the real server: who gets in and who does not. */
@IntegrationTest
class TokenIntegrationTests extends ServerTest {

    @Test
    void caseworkerTokenShowsSubjectRolesAndOrganisation() {
        var response = api.get("/api/me", Keycloak.accessToken("caseworker.tigris"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("subject").asString()).matches("[0-9a-f-]{36}");
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("caseworker");
        assertThat(me.get("organisation").asString()).isEqualTo("tigris-legal");
    }

    @Test
    void everyDemoRoleIsRecognised() {
        assertThat(api.get("/api/me", Keycloak.accessToken("defender.zagros"))
                        .json()
                        .get("roles"))
                .extracting(JsonNode::asString)
                .containsExactly("defender");
        assertThat(api.get("/api/me", Keycloak.accessToken("supervisor.tigris"))
                        .json()
                        .get("organisation")
                        .asString())
                .isEqualTo("tigris-legal");
        assertThat(api.get("/api/me", Keycloak.accessToken("admin.platform"))
                        .json()
                        .get("roles"))
                .extracting(JsonNode::asString)
                .containsExactly("admin");
    }

    @Test
    void requestWithoutTokenIsUnauthorizedProblem() {
        var response = api.get("/api/me", null);

        assertUnauthorizedProblem(response);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sanad\"");
    }

    @Test
    void tokenOfClientWithoutApiAudienceIsRejected() {
        // admin-cli exists in every realm and may use the password grant, but it carries no
        // sanad-api audience and is not an allowed client.
        String token = Keycloak.passwordGrant("admin-cli", "caseworker.tigris", "openid")
                .get("access_token")
                .asString();

        assertUnauthorizedProblem(api.get("/api/me", token));
    }

    /** One token of a fresh demo-client password grant: {@code access_token}, {@code id_token}, ... */
    static String demoToken(String kind) {
        return Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, "caseworker.tigris", "openid")
                .get(kind)
                .asString();
    }

    @Test
    void idTokenIsNotAnAccessToken() {
        assertUnauthorizedProblem(api.get("/api/me", demoToken("id_token")));
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        assertUnauthorizedProblem(api.get("/api/me", demoToken("refresh_token")));
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = Keycloak.accessToken("defender.tigris");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertUnauthorizedProblem(api.get("/api/me", forged));
    }

    @Test
    void malformedAuthorizationHeadersAreUnauthorized() {
        for (String header :
                new String[] {"Bearer", "Bearer not.a.jwt", "Bearer !!!", "Basic Zm9vOmJhcg==", "bearer"}) {
            var response = api.send(
                    api.request("/api/me").header("Authorization", header).GET().build());
            assertUnauthorizedProblem(response);
            assertThat(response.body()).doesNotContain("not.a.jwt", "!!!", "Zm9v");
        }
    }

    @Test
    void tokenInQueryStringIsIgnored() {
        var response = api.get("/api/me?access_token=" + Keycloak.accessToken("caseworker.tigris"), null);

        assertUnauthorizedProblem(response);
    }

    @Test
    void tokenInFormBodyIsIgnored() {
        var response = api.send(api.request("/api/me")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(
                        "GET",
                        HttpRequest.BodyPublishers.ofString(
                                "access_token=" + Keycloak.accessToken("caseworker.tigris")))
                .build());

        assertUnauthorizedProblem(response);
    }

    private static void assertUnauthorizedProblem(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("at org.");
    }
}
