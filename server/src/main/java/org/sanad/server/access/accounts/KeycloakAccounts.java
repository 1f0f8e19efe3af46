package org.sanad.server.access.accounts;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanad.server.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sanad's accounts in Keycloak, as far as lockdown needs them: read a user's organisation,
 * disable a user and end their sessions, enable a user again.
 *
 * <p>Every failure to reach Keycloak or an unexpected answer becomes {@link
 * IdentityProviderUnavailable}; Keycloak's messages are not passed on.
 */
class KeycloakAccounts {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);

    private final Keycloak keycloak;
    private final String realm;

    KeycloakAccounts(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** The user's single organisation, or empty when the user or the attribute does not exist. */
    Optional<String> organisationOf(String subject) {
        return call(() -> find(subject).flatMap(user -> {
            List<String> org =
                    user.getAttributes() == null ? null : user.getAttributes().get("org");
            return org != null && org.size() == 1 ? Optional.ofNullable(org.getFirst()) : Optional.empty();
        }));
    }

    /** The user's Sanad realm roles; empty when the user does not exist. */
    java.util.Set<Role> rolesOf(String subject) {
        return call(() -> {
            if (find(subject).isEmpty()) {
                return java.util.Set.<Role>of();
            }
            return user(subject).roles().realmLevel().listEffective().stream()
                    .map(role -> Role.fromRealmRole(role.getName()))
                    .flatMap(Optional::stream)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        });
    }

    /**
     * Disables the user, so that no new login or token refresh succeeds, and ends all their
     * sessions. A user that no longer exists cannot log in either, so that is not an error.
     */
    void disableAndEndSessions(String subject) {
        call(() -> {
            Optional<UserRepresentation> found = find(subject);
            if (found.isEmpty()) {
                return null;
            }
            UserRepresentation user = found.get();
            if (!Boolean.FALSE.equals(user.isEnabled())) {
                user.setEnabled(false);
                user(subject).update(user);
            }
            user(subject).logout();
            return null;
        });
    }

    /** Enables the user again; false when the user does not exist. */
    boolean enable(String subject) {
        return call(() -> {
            Optional<UserRepresentation> found = find(subject);
            if (found.isEmpty()) {
                return false;
            }
            UserRepresentation user = found.get();
            user.setEnabled(true);
            user(subject).update(user);
            return true;
        });
    }

    private Optional<UserRepresentation> find(String subject) {
        try {
            return Optional.of(user(subject).toRepresentation());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private UserResource user(String subject) {
        RealmResource realmResource = keycloak.realm(realm);
        return realmResource.users().get(subject);
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (WebApplicationException e) {
            log.warn("Keycloak admin API answered {}", e.getResponse().getStatus());
            throw new IdentityProviderUnavailable();
        } catch (ProcessingException e) {
            log.warn("Keycloak admin API unreachable ({})", e.getClass().getSimpleName());
            throw new IdentityProviderUnavailable();
        }
    }
}
