package org.sanad.infra.keycloak;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Onboarding and offboarding of Sanad's users in Keycloak.
 *
 * <p>Onboarding creates an enabled user with exactly one organisation and one Sanad role, and the
 * required actions that make the user finish the set-up themselves: a new password at the first
 * login ({@code UPDATE_PASSWORD}, the operator's initial password is temporary) and, for staff, a
 * one-time password ({@code CONFIGURE_TOTP}). Offboarding disables the user, ends all their
 * sessions and removes every Sanad role; the account stays, so that audit records keep naming it.
 */
public final class Provisioning {

    private static final Pattern ORGANISATION = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private final RealmResource realm;

    public Provisioning(RealmResource realm) {
        this.realm = realm;
    }

    /**
     * A user to onboard. {@code initialPassword} is temporary: Keycloak asks for a new one at the
     * first login.
     */
    public record NewUser(
            String username,
            String email,
            String firstName,
            String lastName,
            String organisation,
            SanadRealm.Role role,
            char[] initialPassword) {

        public NewUser {
            if (!ORGANISATION.matcher(organisation).matches()) {
                throw new IllegalArgumentException("organisation ids are 2-64 lower-case letters, digits and dashes");
            }
        }

        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    /** Creates the user; returns their subject (Keycloak user id). */
    public String onboard(NewUser user) {
        var representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setEmail(user.email());
        representation.setEmailVerified(false);
        representation.setFirstName(user.firstName());
        representation.setLastName(user.lastName());
        representation.setEnabled(true);
        representation.setAttributes(Map.of(SanadRealm.ORGANISATION_ATTRIBUTE, List.of(user.organisation())));
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(new String(user.initialPassword()));
        password.setTemporary(true);
        representation.setCredentials(List.of(password));
        representation.setRequiredActions(requiredActions(user.role()));
        String subject;
        try (Response response = realm.users().create(representation)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the new user (HTTP " + response.getStatus()
                        + "); the username or e-mail may be taken or violate the password policy");
            }
            subject = CreatedResponseUtil.getCreatedId(response);
        }
        realm.users()
                .get(subject)
                .roles()
                .realmLevel()
                .add(List.of(realm.roles().get(user.role().realmRole()).toRepresentation()));
        return subject;
    }

    /** The required actions of a new user of the role: staff also set up a one-time password. */
    public static List<String> requiredActions(SanadRealm.Role role) {
        List<String> actions = new ArrayList<>();
        actions.add("UPDATE_PASSWORD");
        if (role.staff()) {
            actions.add(SanadRealm.CONFIGURE_TOTP);
        }
        return List.copyOf(actions);
    }

    /**
     * Disables the user, ends all their sessions and removes their Sanad roles.
     *
     * <p>Warning: access tokens already issued stay valid at the API until they expire (at most
     * five minutes) unless the server is told: for an urgent case use the server's lockdown
     * ({@code POST /api/users/{subject}/lockdown}), which refuses them at once.
     *
     * @return false when no such user exists
     */
    public boolean offboard(String username) {
        Optional<UserRepresentation> found =
                realm.users().searchByUsername(username, true).stream().findFirst();
        if (found.isEmpty()) {
            return false;
        }
        UserResource user = realm.users().get(found.get().getId());
        UserRepresentation representation = user.toRepresentation();
        representation.setEnabled(false);
        user.update(representation);
        user.logout();
        List<RoleRepresentation> sanadRoles = user.roles().realmLevel().listAll().stream()
                .filter(role -> isSanadRole(role.getName()))
                .toList();
        if (!sanadRoles.isEmpty()) {
            user.roles().realmLevel().remove(sanadRoles);
        }
        return true;
    }

    private static boolean isSanadRole(String name) {
        for (SanadRealm.Role role : SanadRealm.Role.values()) {
            if (role.realmRole().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
