/**
 * Sanad in the browser: sign-in through Keycloak with the tokens kept out of the browser, the
 * session in PostgreSQL, the cookie, CSRF and header rules of every page, sign-out (here, at
 * Keycloak and from Keycloak), and the end of a session at a lockdown. A session's caller is the
 * caller a bearer token of the same login would be.
 */
@ApplicationModule(
        displayName = "Browser sessions",
        allowedDependencies = {"access", "access.accounts", "web", "common"})
package org.sanad.server.access.session;

import org.springframework.modulith.ApplicationModule;
