package org.sanad.server.defenders;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.Subject;

/**
 * The staff who now work with a defender through one record (a claimed report, a case file's
 * assignees), registered by that record's own state change. This module keeps these facts in the
 * same transaction, so the profile's need-to-know decision never asks another module at run time.
 *
 * @param defenderId the defender the record is about
 * @param recordId the record the work runs through
 * @param staff the Keycloak subjects who work on the record now (replacing those before)
 * @param ongoing whether that work still gives them the defender's profile (a closed case file
 *     keeps its assignees on its own reports, but no longer on the profile)
 */
public record DefenderWorkChanged(DefenderId defenderId, UUID recordId, Set<Subject> staff, boolean ongoing) {

    public DefenderWorkChanged {
        Objects.requireNonNull(defenderId);
        Objects.requireNonNull(recordId);
        staff = Set.copyOf(staff);
    }
}
