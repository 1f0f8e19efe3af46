/**
 * Request limits: bodies above the limit are refused before anything reads them, and each subject
 * gets a bounded rate of searches and reports, so that a stolen token cannot enumerate or flood.
 */
@ApplicationModule(
        displayName = "Access: limits",
        allowedDependencies = {"access", "web", "common"})
package org.sanad.server.access.limits;

import org.springframework.modulith.ApplicationModule;
