package org.sanad.server.audit;

import java.util.UUID;
import org.hibernate.envers.RevisionListener;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.web.RequestIds;

/**
 * Stamps each revision with the caller of the request, and with the break-glass grant the
 * transaction acts through ({@link RevisionPurpose}). A change without an authenticated caller
 * fails: every change to a record must name who made it.
 */
class RevisionStamp implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        Caller caller = Callers.current();
        UUID breakGlass = RevisionPurpose.breakGlassGrant().orElse(null);
        ((Revision) revisionEntity)
                .stamp(
                        caller.subject().value(),
                        caller.organisation().value(),
                        caller.clientId(),
                        RequestIds.current().orElse(null),
                        breakGlass == null ? null : Visibility.BREAK_GLASS_PURPOSE,
                        breakGlass);
    }
}
