/**
 * Break-glass: a supervisor's explicit, written, time-limited request for the
 * content of one record of their organisation, recorded in the access log and listed to the
 * organisation's supervisors. A grant ends by itself when it expires; the reason is sealed under
 * the defender's key, so it is never stored or logged in plaintext and is crypto-shredded with
 * the defender.
 */
@ApplicationModule(
        displayName = "Break-glass",
        allowedDependencies = {"access", "audit", "encryption", "web", "common"})
package org.sanad.server.access.breakglass;

import org.springframework.modulith.ApplicationModule;
