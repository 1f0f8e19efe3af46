package org.sanad.server.access;

import java.util.Optional;
import java.util.UUID;

/**
 * The break-glass fact every record guard asks for once and passes to {@link NeedToKnow}.
 * Implemented by {@code access.breakglass}, which keeps the grants.
 */
public interface BreakGlassGrants {

    /**
     * The caller's active break-glass grant on exactly this record, if any: a supervisor, of the
     * organisation the grant was made in, before it expires. A pure question: answering it records
     * and stamps nothing; a request that ends up using the grant stamps its revision itself.
     */
    Optional<UUID> activeGrant(Caller caller, UUID recordId);
}
