package org.sanad.server.defenders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A defender was crypto-shredded: their keys are destroyed.
 *
 * @param tombstone digest of what was destroyed (no key material), for the audit chain
 */
public record DefenderPersonalDataErased(
        UUID defenderId, String organisation, List<Integer> destroyedKeyVersions, String tombstone, Instant at) {}
