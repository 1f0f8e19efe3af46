/**
 * Tamper evidence: every access-log entry and revision is appended, in commit order, to a hash
 * chain whose head is checkpointed and signed; the verifier (API and command line) recomputes it.
 */
@ApplicationModule(
        displayName = "Audit: chain",
        allowedDependencies = {"access", "audit", "web", "common"})
package org.sanad.server.audit.chain;

import org.springframework.modulith.ApplicationModule;
