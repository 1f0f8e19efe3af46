package org.sanad.crypto.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sanad.crypto.WrappedKeyRepository.Purpose;

/**
 * A small bounded cache of unwrapped keys with a time to live. Entries that leave it (expired,
 * evicted for room, or explicitly) are zeroed.
 */
public final class KeyCache {

    /** The identity of one owner's key. */
    public record Id(Purpose purpose, String organisation, UUID owner) {}

    private final int maxEntries;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<Id, KeySet> entries = new LinkedHashMap<>(16, 0.75f, true);

    public KeyCache(int maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a key cache needs room and a positive time to live");
        }
        this.maxEntries = maxEntries;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** Returns the cached keys, or null if absent or expired. */
    public synchronized KeySet get(Id id) {
        KeySet keys = entries.get(id);
        if (keys != null && keys.expiresAtMillis() <= clock.millis()) {
            entries.remove(id);
            keys.destroy();
            return null;
        }
        return keys;
    }

    /** The expiry instant for an entry loaded now. */
    public long expiryFromNow() {
        return clock.millis() + ttlMillis;
    }

    public synchronized void put(Id id, KeySet keys) {
        KeySet previous = entries.put(id, keys);
        if (previous != null && previous != keys) {
            previous.destroy();
        }
        Iterator<Map.Entry<Id, KeySet>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries && eldest.hasNext()) {
            KeySet evicted = eldest.next().getValue();
            eldest.remove();
            evicted.destroy();
        }
    }

    public synchronized void evict(Id id) {
        KeySet keys = entries.remove(id);
        if (keys != null) {
            keys.destroy();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.values().forEach(KeySet::destroy);
        entries.clear();
    }
}
