/**
 * Keycloak accounts as Sanad needs them: who is staff of an organisation, and the emergency
 * lockdown that disables an account, ends its sessions and makes the server refuse its tokens on
 * the very next request, on every replica.
 */
@ApplicationModule(
        displayName = "Access: accounts and lockdown",
        allowedDependencies = {"access", "access.token", "audit", "web", "common"})
package org.sanad.server.access.accounts;

import org.springframework.modulith.ApplicationModule;
