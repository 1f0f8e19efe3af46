package org.sanad.server.audit;

import org.hibernate.envers.RevisionListener;
import org.sanad.server.access.Callers;
import org.sanad.server.web.RequestIds;

/**
 * Stamps each revision with the caller of the request, and with the break-glass grant the
 * transaction acts through ({@link RevisionPurpose}). A change without an authenticated caller
 * fails: every change to a record must name who made it.
 */
class RevisionStamp implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        ((Revision) revisionEntity)
                .stamp(
                        Callers.current(),
                        RequestIds.current().orElse(null),
                        RevisionPurpose.breakGlassGrant().orElse(null));
    }
}
