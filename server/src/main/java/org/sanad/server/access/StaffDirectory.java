package org.sanad.server.access;

import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;

/**
 * Who is staff of an organisation, according to Keycloak: consulted before anyone is given work
 * (and so content) in a case file. Implemented by {@code access.accounts}.
 */
public interface StaffDirectory {

    /**
     * Whether the subject is an existing caseworker or supervisor of the organisation.
     *
     * @throws RuntimeException a 503 problem when Keycloak cannot be asked
     */
    boolean isStaffOf(Subject subject, OrganisationId organisation);

    /** Whether the subject has the supervisor role in Keycloak. */
    boolean isSupervisor(Subject subject);
}
