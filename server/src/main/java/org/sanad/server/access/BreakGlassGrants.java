package org.sanad.server.access;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.OrganisationId;

/**
 * The break-glass fact every record guard asks for once and passes to {@link NeedToKnow}.
 * Implemented by {@code access.breakglass}, which keeps the grants and, from the events the
 * records register ({@link Target}, {@link TargetsErased}), which records there are to break glass
 * on, so that break-glass depends on none of the record modules.
 */
public interface BreakGlassGrants {

    /**
     * The caller's active break-glass grant on exactly this record, if any: a supervisor, of the
     * organisation the grant was made in, before it expires. A pure question: answering it records
     * and stamps nothing; a request that ends up using the grant stamps its revision itself.
     */
    Optional<GrantId> activeGrant(Caller caller, UUID recordId);

    /**
     * A record a supervisor may break glass on, registered by the record itself when it is created
     * (a profile, a report, a case file, a referral); break-glass keeps these facts in the same
     * transaction, so it never asks the record modules at run time.
     *
     * @param recordType the logical entity ({@code defender}, {@code incident}, {@code case-file}, {@code referral})
     * @param recordId the record
     * @param organisation the organisation that owns it (for a referral, the sending organisation)
     * @param defenderId the defender it is about: the break-glass reason is sealed under their key
     */
    record Target(String recordType, UUID recordId, OrganisationId organisation, DefenderId defenderId) {

        public Target {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(defenderId, "defenderId");
        }
    }

    /**
     * A defender's key was destroyed (their personal data erased), registered by the profile:
     * nobody breaks glass on their records any more, as there is nothing left to read.
     */
    record TargetsErased(DefenderId defenderId) {

        public TargetsErased {
            Objects.requireNonNull(defenderId, "defenderId");
        }
    }
}
