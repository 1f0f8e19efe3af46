package org.sanad.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo realm that the run and test commands import keeps the token and login policy of the threat model. */
class RealmDefinitionTests {

    static JsonNode realm;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RealmDefinitionTests.class.getResourceAsStream("/keycloak/sanad-realm.json")) {
            realm = JsonMapper.builder().build().readTree(in);
        }
    }

    static List<JsonNode> each(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    static JsonNode client(String clientId) {
        return each(realm.get("clients")).stream()
                .filter(c -> c.get("clientId").asString().equals(clientId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void accessTokensLiveAtMostFiveMinutes() {
        assertThat(realm.get("accessTokenLifespan").asInt()).isBetween(1, 300);
    }

    @Test
    void realmHasExactlyTheFourSanadRoles() {
        assertThat(each(realm.get("roles").get("realm")))
                .extracting(r -> r.get("name").asString())
                .containsExactlyInAnyOrder("defender", "caseworker", "supervisor", "admin");
    }

    @Test
    void onlyTheDemoClientMayUseThePasswordGrantAndSaysSo() {
        assertThat(each(realm.get("clients")))
                .filteredOn(c -> c.path("directAccessGrantsEnabled").asBoolean(false))
                .extracting(c -> c.get("clientId").asString())
                .containsExactly("sanad-demo");
        assertThat(client("sanad-demo").get("description").asString()).startsWith("DEMO AND TEST ONLY");
    }

    @Test
    void demoClientTokensCarryApiAudienceAndOrganisation() {
        List<JsonNode> mappers = each(client("sanad-demo").get("protocolMappers"));

        assertThat(mappers)
                .filteredOn(m -> m.get("protocolMapper").asString().equals("oidc-audience-mapper"))
                .extracting(m -> m.get("config").get("included.client.audience").asString())
                .containsExactly("sanad-api");
        assertThat(mappers)
                .filteredOn(m -> m.get("protocolMapper").asString().equals("oidc-usermodel-attribute-mapper"))
                .extracting(m -> m.get("config").get("claim.name").asString())
                .containsExactly("org");
    }

    @Test
    void usersCannotChangeTheirOwnOrganisation() {
        String profile = realm.get("components")
                .get("org.keycloak.userprofile.UserProfileProvider")
                .get(0)
                .get("config")
                .get("kc.user.profile.config")
                .get(0)
                .asString();
        JsonNode org = each(JsonMapper.builder().build().readTree(profile).get("attributes")).stream()
                .filter(a -> a.get("name").asString().equals("org"))
                .findFirst()
                .orElseThrow();

        assertThat(each(org.get("permissions").get("edit")))
                .extracting(JsonNode::asString)
                .containsExactly("admin");
    }

    @Test
    void bruteForceProtectionIsOn() {
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isBetween(1, 10);
    }

    @Test
    void everyDemoUserHasOneOrganisationAndOneSanadRole() {
        List<JsonNode> people = each(realm.get("users")).stream()
                .filter(u -> !u.has("serviceAccountClientId"))
                .toList();

        assertThat(people).hasSizeGreaterThanOrEqualTo(4);
        assertThat(people).allSatisfy(u -> {
            assertThat(u.get("attributes").get("org")).hasSize(1);
            assertThat(u.get("realmRoles")).hasSize(1);
        });
        assertThat(people)
                .extracting(u -> u.get("attributes").get("org").get(0).asString())
                .contains("tigris-legal", "zagros-aid");
    }

    @Test
    void browserClientUsesOnlyTheCodeFlowWithPkceAndASecret() {
        JsonNode web = client("sanad-web");

        assertThat(web.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.get("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(web.get("publicClient").asBoolean()).isFalse();
        assertThat(web.get("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(web.get("attributes").get("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(web.get("attributes")
                        .get("oauth2.device.authorization.grant.enabled")
                        .asString())
                .isEqualTo("false");
        assertThat(web.get("attributes").get("oidc.ciba.grant.enabled").asString())
                .isEqualTo("false");
    }

    @Test
    void browserClientRedirectsExactlyToTheServerAndHearsBackChannelLogout() {
        JsonNode web = client("sanad-web");

        assertThat(each(web.get("redirectUris")))
                .extracting(JsonNode::asString)
                .containsExactly("http://localhost:8080/login/oauth2/code/keycloak");
        assertThat(web.get("attributes").get("post.logout.redirect.uris").asString())
                .isEqualTo("http://localhost:8080/");
        assertThat(web.get("attributes").get("backchannel.logout.url").asString())
                .isEqualTo("http://localhost:8080/logout/connect/back-channel/keycloak");
        assertThat(web.get("attributes")
                        .get("backchannel.logout.session.required")
                        .asString())
                .isEqualTo("true");
        assertThat(web.get("frontchannelLogout").asBoolean()).isFalse();
        assertThat(each(web.path("webOrigins"))).isEmpty();
    }

    @Test
    void noClientAcceptsAWildcardRedirect() {
        assertThat(each(realm.get("clients")))
                .flatMap(c -> each(c.path("redirectUris")))
                .extracting(JsonNode::asString)
                .noneMatch(uri -> uri.contains("*"));
    }

    @Test
    void browserTokensCarryApiAudienceAndOrganisationLikeTheApiClients() {
        assertThat(each(client("sanad-web").get("protocolMappers")))
                .extracting(m -> m.get("protocolMapper").asString())
                .containsExactlyInAnyOrder("oidc-audience-mapper", "oidc-usermodel-attribute-mapper");
    }

    @Test
    void loginPagesSpeakArabicAndEnglish() {
        assertThat(realm.get("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(each(realm.get("supportedLocales")))
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("ar", "en");
        assertThat(realm.get("defaultLocale").asString()).isEqualTo("ar");
    }
}
