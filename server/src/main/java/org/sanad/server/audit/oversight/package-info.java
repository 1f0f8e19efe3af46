/**
 * The supervisors' oversight of their organisation: the access log by record or by actor, the
 * revisions, and anomaly flags; every such reading is itself recorded.
 */
@ApplicationModule(
        displayName = "Audit: oversight",
        allowedDependencies = {"access", "audit", "web", "common"})
package org.sanad.server.audit.oversight;

import org.springframework.modulith.ApplicationModule;
