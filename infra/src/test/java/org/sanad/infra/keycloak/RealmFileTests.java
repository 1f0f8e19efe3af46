package org.sanad.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealmFileTests {

    @Test
    void committedRealmFileIsExactlyWhatTheDefinitionGenerates() throws IOException {
        // Maven runs the tests in infra/; the file is committed in infra/keycloak/.
        String committed = Files.readString(Path.of("keycloak", "sanad-realm.json"), StandardCharsets.UTF_8);

        assertThat(committed)
                .as("infra/keycloak/sanad-realm.json is generated: run infra/bin/sanad-realm generate")
                .isEqualTo(RealmFile.demo());
    }

    @Test
    void generationIsReproducible() {
        assertThat(RealmFile.demo()).isEqualTo(RealmFile.demo());
    }

    @Test
    void productionRealmHasNoDemoClientUsersOrSecret() {
        var production = SanadRealm.definition(SanadRealm.Mode.PRODUCTION);

        assertThat(production.getAttributes()).containsEntry(SanadRealm.DEMO_MARKER, "false");
        assertThat(production.getClients())
                .extracting(c -> c.getClientId())
                .containsExactly(SanadRealm.API_CLIENT, SanadRealm.WEB_CLIENT, SanadRealm.PROVISIONER_CLIENT);
        assertThat(production.getClients()).allSatisfy(c -> {
            assertThat(c.isDirectAccessGrantsEnabled()).isFalse();
            assertThat(c.getSecret()).isNull();
        });
        assertThat(production.getUsers())
                .allSatisfy(u -> assertThat(u.getServiceAccountClientId()).isEqualTo(SanadRealm.PROVISIONER_CLIENT));
    }

    @Test
    void demoRealmSaysItIsADemo() {
        assertThat(SanadRealm.definition(SanadRealm.Mode.DEMO).getAttributes())
                .containsEntry(SanadRealm.DEMO_MARKER, "true");
    }

    @Test
    void productionBrowserClientRedirectsOnlyToTheServersAddress() {
        var production = SanadRealm.definition(
                SanadRealm.NAME, SanadRealm.Mode.PRODUCTION, java.net.URI.create("https://sanad.example.org"));
        var web = production.getClients().stream()
                .filter(c -> c.getClientId().equals(SanadRealm.WEB_CLIENT))
                .findFirst()
                .orElseThrow();

        assertThat(web.getRedirectUris()).containsExactly("https://sanad.example.org/login/oauth2/code/keycloak");
        assertThat(web.getAttributes())
                .containsEntry("post.logout.redirect.uris", "https://sanad.example.org/")
                .containsEntry(
                        "backchannel.logout.url", "https://sanad.example.org/logout/connect/back-channel/keycloak");
        assertThat(web.getSecret()).as("Keycloak generates production secrets").isNull();
    }

    @Test
    void aProductionRealmWithoutTheServersAddressRedirectsNowhereReal() {
        var web = SanadRealm.definition(SanadRealm.Mode.PRODUCTION).getClients().stream()
                .filter(c -> c.getClientId().equals(SanadRealm.WEB_CLIENT))
                .findFirst()
                .orElseThrow();

        assertThat(web.getRedirectUris()).singleElement().asString().startsWith("https://sanad.invalid/");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "https://sanad.example.org/app",
                "https://sanad.example.org/?next=x",
                "https://sanad.example.org/#x",
                "https://user@sanad.example.org",
                "ftp://sanad.example.org",
                "sanad.example.org"
            })
    void theServersAddressIsAnOriginAndNothingMore(String address) {
        assertThatThrownBy(() -> SanadRealm.definition(
                        SanadRealm.NAME, SanadRealm.Mode.PRODUCTION, java.net.URI.create(address)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
