package org.sanad.server.access;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the record a break-glass request names. Implemented by each module whose records a
 * supervisor may break glass on (defenders, incidents, cases, referrals), so that this module
 * depends on none of them.
 */
public interface BreakGlassTargets {

    /** The record with this id, whoever may see it; empty if this module holds no such record. */
    Optional<BreakGlassTarget> breakGlassTarget(UUID recordId);
}
