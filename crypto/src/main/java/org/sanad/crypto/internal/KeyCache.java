package org.sanad.crypto.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sanad.crypto.WrappedKeyRepository.Purpose;

/**
 * A small bounded cache of unwrapped keys with a time to live. Entries that leave it (expired,
 * evicted for room, or explicitly) are zeroed. Reads take no lock; when an insert exceeds the
 * bound, the entries closest to expiry (the least recently loaded) leave first.
 */
public final class KeyCache {

    /** The identity of one owner's key. */
    public record Id(Purpose purpose, String organisation, UUID owner) {}

    private final int maxEntries;
    private final long ttlMillis;
    private final Clock clock;
    private final ConcurrentHashMap<Id, KeySet> entries = new ConcurrentHashMap<>();

    public KeyCache(int maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a key cache needs room and a positive time to live");
        }
        this.maxEntries = maxEntries;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** Returns the cached keys, or null if absent or expired. */
    public KeySet get(Id id) {
        KeySet keys = entries.get(id);
        if (keys != null && keys.expiresAtMillis() <= clock.millis()) {
            if (entries.remove(id, keys)) {
                keys.destroy();
            }
            return null;
        }
        return keys;
    }

    /** The expiry instant for an entry loaded now. */
    public long expiryFromNow() {
        return clock.millis() + ttlMillis;
    }

    /**
     * Caches freshly loaded keys, unless another thread cached the same owner first: then those
     * are returned and {@code keys} (seen by nobody else) is zeroed.
     */
    public synchronized KeySet put(Id id, KeySet keys) {
        removeExpired();
        KeySet existing = entries.putIfAbsent(id, keys);
        if (existing != null) {
            keys.destroy();
            return existing;
        }
        while (entries.size() > maxEntries) {
            Map.Entry<Id, KeySet> oldest = entries.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(id))
                    .min(Comparator.comparingLong(entry -> entry.getValue().expiresAtMillis()))
                    .orElseThrow();
            if (entries.remove(oldest.getKey(), oldest.getValue())) {
                oldest.getValue().destroy();
            }
        }
        return keys;
    }

    /**
     * Removes and zeroes every expired entry now, instead of when it is next asked for: a key
     * nobody asks for again would otherwise stay in memory, unzeroed, for as long as the process
     * runs. Also done on every insert.
     *
     * @return how many entries were removed
     */
    public synchronized int removeExpired() {
        long now = clock.millis();
        int removed = 0;
        for (Map.Entry<Id, KeySet> entry : entries.entrySet()) {
            if (entry.getValue().expiresAtMillis() <= now && entries.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().destroy();
                removed++;
            }
        }
        return removed;
    }

    public void evict(Id id) {
        KeySet keys = entries.remove(id);
        if (keys != null) {
            keys.destroy();
        }
    }

    public int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.values().forEach(KeySet::destroy);
        entries.clear();
    }
}
