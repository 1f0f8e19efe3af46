package org.sanad.server.access.accounts;

import org.sanad.server.access.Role;
import org.sanad.server.access.StaffDirectory;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.springframework.stereotype.Service;

/**
 * Who is staff of an organisation, according to Keycloak: consulted before anyone is given work
 * (and so content) in a case file.
 */
@Service
class KeycloakStaffDirectory implements StaffDirectory {

    private final KeycloakAccounts accounts;

    KeycloakStaffDirectory(KeycloakAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Whether the subject is an existing caseworker or supervisor of the organisation.
     *
     * @throws IdentityProviderUnavailable when Keycloak cannot be asked (503)
     */
    @Override
    public boolean isStaffOf(Subject subject, OrganisationId organisation) {
        if (!accounts.organisationOf(subject.value())
                .map(organisation.value()::equals)
                .orElse(false)) {
            return false;
        }
        var roles = accounts.rolesOf(subject.value());
        return roles.contains(Role.CASEWORKER) || roles.contains(Role.SUPERVISOR);
    }

    /** Whether the subject has the supervisor role in Keycloak. */
    @Override
    public boolean isSupervisor(Subject subject) {
        return accounts.rolesOf(subject.value()).contains(Role.SUPERVISOR);
    }
}
