package org.sanad.server.access.breakglass;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.Subject;

/**
 * A break-glass grant as its organisation's supervisors see it: who, which record, when, until
 * when, and why. The response to a new grant leaves the reason out: the requester wrote it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GrantView(
        GrantId id,
        Subject supervisor,
        String recordType,
        UUID record,
        Instant grantedAt,
        Instant expiresAt,
        boolean active,
        String reason,
        Boolean reasonErased) {

    static GrantView of(BreakGlassGrant grant, Instant now, String reason, boolean reasonErased) {
        return new GrantView(
                grant.id(),
                grant.supervisor(),
                grant.recordType(),
                grant.recordId(),
                grant.grantedAt(),
                grant.expiresAt(),
                grant.isActiveAt(now),
                reason,
                reasonErased ? Boolean.TRUE : null);
    }

    @Override
    public String toString() {
        return "GrantView[" + id + "]";
    }
}
