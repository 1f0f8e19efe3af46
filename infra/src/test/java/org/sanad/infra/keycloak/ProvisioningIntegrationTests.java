package org.sanad.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanad.infra.testing.TestKeycloak;

/** Onboarding and offboarding on the real test Keycloak, with throwaway users only. */
class ProvisioningIntegrationTests {

    static final char[] INITIAL = "Initial-password-2026!".toCharArray();

    final RealmResource sanad = TestKeycloak.admin().realm(SanadRealm.NAME);

    static Provisioning.NewUser aNewUser(SanadRealm.Role role) {
        String username = "onboard-" + role.realmRole() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return new Provisioning.NewUser(
                username, username + "@test.sanad.invalid", "Test", "Onboarded", "tigris-legal", role, INITIAL);
    }

    @Test
    void onboardedStaffMustChooseAPasswordAndSetUpAOneTimePassword() throws Exception {
        var user = aNewUser(SanadRealm.Role.CASEWORKER);

        String subject = new Provisioning(sanad).onboard(user);

        UserRepresentation created = sanad.users().get(subject).toRepresentation();
        assertThat(created.isEnabled()).isTrue();
        assertThat(created.getAttributes()).containsEntry("org", List.of("tigris-legal"));
        assertThat(created.getRequiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        assertThat(realmRoles(subject)).containsExactly("caseworker");
        // Not fully set up: no token until the user has done both in the browser.
        assertThat(TestKeycloak.passwordGrantStatus(user.username(), new String(INITIAL)))
                .isEqualTo(400);
    }

    @Test
    void onboardedDefenderNeedsOnlyANewPassword() {
        String subject = new Provisioning(sanad).onboard(aNewUser(SanadRealm.Role.DEFENDER));

        assertThat(sanad.users().get(subject).toRepresentation().getRequiredActions())
                .containsExactly("UPDATE_PASSWORD");
        assertThat(realmRoles(subject)).containsExactly("defender");
    }

    @Test
    void everyStaffRoleGetsTheOneTimePasswordAction() {
        for (SanadRealm.Role role : SanadRealm.Role.values()) {
            assertThat(Provisioning.requiredActions(role).contains("CONFIGURE_TOTP"))
                    .as(role.name())
                    .isEqualTo(role != SanadRealm.Role.DEFENDER);
        }
    }

    @Test
    void organisationMustBeAnOrganisationId() {
        for (String organisation : new String[] {"", "A", "Tigris Legal", "tigris/legal", "-tigris", "x".repeat(65)}) {
            assertThatThrownBy(() -> new Provisioning.NewUser(
                            "u", "u@test.sanad.invalid", "T", "U", organisation, SanadRealm.Role.DEFENDER, INITIAL))
                    .as(organisation)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void offboardedUserIsDisabledLoggedOutAndHasNoSanadRoleLeft() throws Exception {
        TestKeycloak.TestUser user = TestKeycloak.createUser("supervisor", "tigris-legal");
        String username = user.username();
        String subject = user.subject();
        assertThat(TestKeycloak.passwordGrantStatus(username, SanadRealm.DEMO_PASSWORD))
                .isEqualTo(200);
        assertThat(sanad.users().get(subject).getUserSessions()).isNotEmpty();

        boolean offboarded = new Provisioning(sanad).offboard(username);

        assertThat(offboarded).isTrue();
        assertThat(sanad.users().get(subject).toRepresentation().isEnabled()).isFalse();
        assertThat(sanad.users().get(subject).getUserSessions()).isEmpty();
        assertThat(realmRoles(subject)).doesNotContain("defender", "caseworker", "supervisor", "admin");
        assertThat(TestKeycloak.passwordGrantStatus(username, SanadRealm.DEMO_PASSWORD))
                .isEqualTo(400);
    }

    @Test
    void offboardingAnUnknownUserSaysSoAndChangesNothing() {
        assertThat(new Provisioning(sanad).offboard("no-such-user-" + UUID.randomUUID()))
                .isFalse();
    }

    @Test
    void provisionerServiceAccountMayOnboardAndOffboard() {
        var env = Map.of(
                "SANAD_KEYCLOAK_URL",
                TestKeycloak.url(),
                "SANAD_PROVISIONER_SECRET",
                SanadRealm.DEMO_PROVISIONER_SECRET);
        try (Keycloak provisioner = AdminConnection.forUsers(env, SanadRealm.NAME)) {
            var provisioning = new Provisioning(provisioner.realm(SanadRealm.NAME));
            var user = aNewUser(SanadRealm.Role.SUPERVISOR);

            String subject = provisioning.onboard(user);
            assertThat(provisioning.offboard(user.username())).isTrue();

            assertThat(sanad.users().get(subject).toRepresentation().isEnabled())
                    .isFalse();
        }
    }

    private List<String> realmRoles(String subject) {
        return sanad.users().get(subject).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName)
                .filter(name ->
                        List.of("defender", "caseworker", "supervisor", "admin").contains(name))
                .toList();
    }
}
