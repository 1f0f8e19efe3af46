package org.sanad.server.audit;

import org.hibernate.envers.RevisionListener;
import org.sanad.server.access.Callers;
import org.sanad.server.access.CurrentUser;
import org.sanad.server.web.RequestIds;

/**
 * Stamps each revision with the caller of the request. A change without an authenticated caller
 * fails: every change to a record must name who made it.
 */
class RevisionStamp implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        CurrentUser caller = Callers.current();
        ((Revision) revisionEntity)
                .stamp(
                        caller.subject(),
                        caller.organisation(),
                        caller.clientId(),
                        RequestIds.current().orElse(null),
                        null);
    }
}
