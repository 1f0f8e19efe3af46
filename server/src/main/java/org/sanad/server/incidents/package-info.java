/**
 * Incident reports: what happened to a defender, reported by them or by staff, triaged by the
 * organisation's intake. Perpetrator, narrative and precise location are sealed under the
 * defender's key and are never indexed.
 */
@ApplicationModule(
        displayName = "Incidents",
        allowedDependencies = {"access", "audit", "encryption", "web", "common", "defenders"})
package org.sanad.server.incidents;

import org.springframework.modulith.ApplicationModule;
