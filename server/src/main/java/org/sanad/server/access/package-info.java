/**
 * Who may call what: bearer-token validation against Keycloak, the mapping of realm roles to
 * authorities, and the one {@code SecurityFilterChain}. Object-level need-to-know rules live here
 * too, as explicit methods, so that every other module asks one place. Its nested module
 * {@code access.breakglass} keeps the break-glass grants that {@link
 * org.sanad.server.access.NeedToKnow} takes as a fact.
 */
@ApplicationModule(
        displayName = "Access",
        allowedDependencies = {"web", "common"})
package org.sanad.server.access;

import org.springframework.modulith.ApplicationModule;
