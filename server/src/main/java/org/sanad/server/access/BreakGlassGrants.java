package org.sanad.server.access;

import java.util.UUID;

/**
 * The break-glass fact every module's need-to-know decision asks for and passes to {@link
 * NeedToKnow}. Implemented by {@code access.breakglass}, which keeps the grants.
 */
public interface BreakGlassGrants {

    /**
     * Whether the caller holds an active break-glass grant on exactly this record: a supervisor,
     * of the organisation the grant was made in, before it expires. When they do, the current
     * transaction's revision is stamped with the grant, so that any change they make now is
     * recorded as made through break-glass.
     */
    boolean holds(CurrentUser caller, UUID recordId);
}
