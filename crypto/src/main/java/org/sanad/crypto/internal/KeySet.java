package org.sanad.crypto.internal;

import java.util.Map;

/** The usable versions of one owner's key, as loaded from the repository. */
public record KeySet(int primaryVersion, int minimumVersion, Map<Integer, DataKey> versions, long expiresAtMillis) {

    /** The key that seals, or null if the owner has no primary version. */
    public DataKey primary() {
        return versions.get(primaryVersion);
    }

    /** The key that opens values of {@code version}, or null if unknown, retired or below the minimum. */
    public DataKey forOpening(int version) {
        return version < minimumVersion ? null : versions.get(version);
    }

    void destroy() {
        versions.values().forEach(DataKey::destroy);
    }
}
