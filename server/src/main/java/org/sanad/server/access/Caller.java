package org.sanad.server.access;

import java.util.Objects;
import java.util.Set;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;

/**
 * The authenticated caller, as established from a validated access token.
 *
 * @param subject the Keycloak subject ({@code sub})
 * @param organisation the caller's organisation ({@code org})
 * @param roles the Sanad roles the token carries
 * @param clientId the client the token was issued to ({@code azp})
 */
public record Caller(Subject subject, OrganisationId organisation, Set<Role> roles, String clientId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(organisation, "organisation");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "Caller[" + subject + "]";
    }
}
