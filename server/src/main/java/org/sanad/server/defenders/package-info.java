/**
 * Defenders' profiles: who they are, how to reach them and what protection they need. Every
 * identifying field is sealed under the defender's own key, so that erasing one defender is
 * destroying one key.
 */
@ApplicationModule(
        displayName = "Defenders",
        allowedDependencies = {"access", "audit", "encryption", "web", "common"})
package org.sanad.server.defenders;

import org.springframework.modulith.ApplicationModule;
