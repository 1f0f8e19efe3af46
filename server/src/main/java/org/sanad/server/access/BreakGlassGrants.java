package org.sanad.server.access;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.OrganisationId;

/**
 * The break-glass fact every record guard asks for once and passes to {@link NeedToKnow}.
 * Implemented by {@code access.breakglass}, which keeps the grants; the record modules implement
 * {@link Targets}, so that break-glass depends on none of them.
 */
public interface BreakGlassGrants {

    /**
     * The caller's active break-glass grant on exactly this record, if any: a supervisor, of the
     * organisation the grant was made in, before it expires. A pure question: answering it records
     * and stamps nothing; a request that ends up using the grant stamps its revision itself.
     */
    Optional<GrantId> activeGrant(Caller caller, UUID recordId);

    /**
     * A record a supervisor may break glass on, as the module that holds it describes it.
     *
     * @param recordType the logical entity ({@code defender}, {@code incident}, {@code case-file}, {@code referral})
     * @param recordId the record
     * @param organisation the organisation that owns it (for a referral, the sending organisation)
     * @param defenderId the defender it is about: the break-glass reason is sealed under their key
     * @param defenderErased whether that defender's personal data was erased (their key is gone)
     */
    record Target(
            String recordType,
            UUID recordId,
            OrganisationId organisation,
            DefenderId defenderId,
            boolean defenderErased) {

        public Target {
            Objects.requireNonNull(recordType, "recordType");
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(defenderId, "defenderId");
        }
    }

    /**
     * Finds the record a break-glass request names. Implemented by each module whose records a
     * supervisor may break glass on (defenders, incidents, cases, referrals), so that this module
     * depends on none of them.
     */
    interface Targets {

        /** The record with this id, whoever may see it; empty if this module holds no such record. */
        Optional<Target> breakGlassTarget(UUID recordId);
    }
}
