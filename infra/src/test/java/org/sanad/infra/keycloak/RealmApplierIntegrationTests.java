package org.sanad.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanad.infra.testing.TestKeycloak;

/** The realm definition applied to the real test Keycloak, through the admin client. */
class RealmApplierIntegrationTests {

    final String name = "sanad-apply-" + UUID.randomUUID().toString().substring(0, 8);
    final RealmApplier applier = new RealmApplier(TestKeycloak.admin());

    @AfterEach
    void removeThrowawayRealm() {
        if (TestKeycloak.admin().realms().findAll().stream()
                .anyMatch(r -> r.getRealm().equals(name))) {
            TestKeycloak.admin().realm(name).remove();
        }
    }

    @Test
    void applyingTwiceChangesNothing() {
        var first = applier.apply(SanadRealm.definition(name, SanadRealm.Mode.DEMO));
        Map<String, Object> afterFirst = snapshot(name);

        var second = applier.apply(SanadRealm.definition(name, SanadRealm.Mode.DEMO));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.changes()).isEmpty();
        assertThat(snapshot(name)).isEqualTo(afterFirst);
    }

    @Test
    void applyBringsADriftedRealmBackToTheDefinition() {
        applier.apply(SanadRealm.definition(name, SanadRealm.Mode.DEMO));
        Map<String, Object> defined = snapshot(name);
        RealmResource realm = TestKeycloak.admin().realm(name);

        RealmRepresentation settings = realm.toRepresentation();
        settings.setAccessTokenLifespan(3600);
        settings.setBruteForceProtected(false);
        settings.setPasswordPolicy("length(4)");
        realm.update(settings);
        var demo = realm.clients().get(clientId(realm, SanadRealm.DEMO_CLIENT));
        demo.getProtocolMappers().getMappers().stream()
                .filter(m -> m.getProtocolMapper().equals("oidc-audience-mapper"))
                .forEach(m -> demo.getProtocolMappers().delete(m.getId()));
        ClientRepresentation demoSettings = demo.toRepresentation();
        demoSettings.setStandardFlowEnabled(true);
        demo.update(demoSettings);
        var totp = realm.flows().getRequiredAction(SanadRealm.CONFIGURE_TOTP);
        totp.setEnabled(false);
        realm.flows().updateRequiredAction(SanadRealm.CONFIGURE_TOTP, totp);
        var profile = realm.users().userProfile().getConfiguration();
        profile.getAttribute(SanadRealm.ORGANISATION_ATTRIBUTE)
                .getPermissions()
                .setEdit(java.util.Set.of("admin", "user"));
        realm.users().userProfile().update(profile);
        String provisioner = realm.clients()
                .get(clientId(realm, SanadRealm.PROVISIONER_CLIENT))
                .getServiceAccountUser()
                .getId();
        String management = clientId(realm, "realm-management");
        realm.users()
                .get(provisioner)
                .roles()
                .clientLevel(management)
                .remove(List.of(realm.clients()
                        .get(management)
                        .roles()
                        .get("view-users")
                        .toRepresentation()));
        assertThat(snapshot(name)).isNotEqualTo(defined);

        var outcome = applier.apply(SanadRealm.definition(name, SanadRealm.Mode.DEMO));

        assertThat(outcome.changes()).isNotEmpty();
        assertThat(snapshot(name)).isEqualTo(defined);
        assertThat(applier.apply(SanadRealm.definition(name, SanadRealm.Mode.DEMO))
                        .changes())
                .isEmpty();
    }

    @Test
    void realmImportedFromTheCommittedFileAlreadyMatchesTheDefinition() {
        // Realm sanad was imported from infra/keycloak/sanad-realm.json by the test harness.
        Map<String, Object> before = snapshot(SanadRealm.NAME);

        var outcome = applier.apply(SanadRealm.definition(SanadRealm.Mode.DEMO));

        assertThat(outcome.changes()).isEmpty();
        assertThat(snapshot(SanadRealm.NAME)).isEqualTo(before);
    }

    @Test
    void productionRealmHasNoPasswordGrantClientAndNoUsers() {
        applier.apply(SanadRealm.definition(name, SanadRealm.Mode.PRODUCTION));
        RealmResource realm = TestKeycloak.admin().realm(name);

        assertThat(realm.clients().findAll())
                .filteredOn(c -> Boolean.TRUE.equals(c.isDirectAccessGrantsEnabled()))
                .extracting(ClientRepresentation::getClientId)
                .doesNotContain(SanadRealm.DEMO_CLIENT, SanadRealm.API_CLIENT, SanadRealm.PROVISIONER_CLIENT);
        assertThat(realm.clients().findByClientId(SanadRealm.DEMO_CLIENT)).isEmpty();
        assertThat(realm.users().list())
                .extracting(UserRepresentation::getUsername)
                .allMatch(u -> u.startsWith("service-account-"));
        assertThat(realm.toRepresentation().getAccessTokenLifespan()).isLessThanOrEqualTo(300);
        assertThat(realm.flows().getRequiredAction(SanadRealm.CONFIGURE_TOTP).isEnabled())
                .isTrue();
    }

    private static String clientId(RealmResource realm, String clientId) {
        return realm.clients().findByClientId(clientId).getFirst().getId();
    }

    /** Everything the definition owns, as Keycloak reports it, in a comparable form. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> snapshot(String realmName) {
        RealmResource realm = TestKeycloak.admin().realm(realmName);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        Map<String, Object> settings = Json.COMPACT.convertValue(realm.toRepresentation(), Map.class);
        settings.remove("id");
        settings.remove("realm");
        snapshot.put("settings", settings);
        snapshot.put(
                "roles",
                realm.roles().list().stream()
                        .map(r -> r.getName() + "=" + r.getDescription())
                        .sorted()
                        .toList());
        for (String clientId : List.of(SanadRealm.API_CLIENT, SanadRealm.DEMO_CLIENT, SanadRealm.PROVISIONER_CLIENT)) {
            var found = realm.clients().findByClientId(clientId);
            if (found.isEmpty()) {
                continue;
            }
            Map<String, Object> client = Json.COMPACT.convertValue(found.getFirst(), Map.class);
            client.remove("id");
            var client_ = realm.clients().get(found.getFirst().getId());
            client.put(
                    "protocolMappers",
                    client_.getProtocolMappers().getMappers().stream()
                            .map(m -> m.getName() + "|" + m.getProtocolMapper() + "|"
                                    + new java.util.TreeMap<>(m.getConfig()))
                            .sorted()
                            .toList());
            if (Boolean.TRUE.equals(found.getFirst().isServiceAccountsEnabled())) {
                String user = client_.getServiceAccountUser().getId();
                String management = realm.clients()
                        .findByClientId("realm-management")
                        .getFirst()
                        .getId();
                client.put(
                        "serviceAccountRoles",
                        realm.users().get(user).roles().clientLevel(management).listAll().stream()
                                .map(RoleRepresentation::getName)
                                .sorted()
                                .toList());
                client.put("secret", client_.getSecret().getValue());
            }
            snapshot.put("client " + clientId, client);
        }
        snapshot.put(
                "userProfile",
                Json.COMPACT.convertValue(realm.users().userProfile().getConfiguration(), Map.class));
        snapshot.put(
                "totp",
                realm.flows().getRequiredAction(SanadRealm.CONFIGURE_TOTP).isEnabled());
        snapshot.put(
                "users",
                realm.users().list(0, 1000).stream()
                        .map(u -> u.getUsername() + "|" + u.isEnabled() + "|" + u.getAttributes() + "|"
                                + realm.users().get(u.getId()).roles().realmLevel().listAll().stream()
                                        .map(RoleRepresentation::getName)
                                        .sorted()
                                        .toList())
                        .sorted()
                        .toList());
        return snapshot;
    }
}
