/**
 * The record nobody can quietly edit: who changed what (Envers revisions naming subject,
 * organisation, client and request) and who read what (the access log, written in the same
 * transaction as the read, or the read fails).
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"access", "web", "common"})
package org.sanad.server.audit;

import org.springframework.modulith.ApplicationModule;
