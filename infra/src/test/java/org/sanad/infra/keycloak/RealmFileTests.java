package org.sanad.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

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
                .containsExactly(SanadRealm.API_CLIENT, SanadRealm.PROVISIONER_CLIENT);
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
}
