package org.sanad.server.access;

import java.util.Objects;
import java.util.UUID;

/**
 * A record a supervisor may break glass on, as the module that holds it describes it.
 *
 * @param recordType the logical entity ({@code defender}, {@code incident}, {@code case-file}, {@code referral})
 * @param recordId the record
 * @param organisation the organisation that owns it (for a referral, the sending organisation)
 * @param defenderId the defender it is about: the break-glass reason is sealed under their key
 * @param defenderErased whether that defender's personal data was erased (their key is gone)
 */
public record BreakGlassTarget(
        String recordType, UUID recordId, String organisation, UUID defenderId, boolean defenderErased) {

    public BreakGlassTarget {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(defenderId, "defenderId");
    }
}
