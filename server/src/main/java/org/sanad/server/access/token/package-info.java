/**
 * Bearer-token validation: only Keycloak's access tokens, signed with its current keys (fetched
 * with bounded timeouts, size and refetch rate), for an allowed client, with a subject and an
 * organisation, become a caller.
 */
@ApplicationModule(
        displayName = "Access: tokens",
        allowedDependencies = {"access", "common"})
package org.sanad.server.access.token;

import org.springframework.modulith.ApplicationModule;
