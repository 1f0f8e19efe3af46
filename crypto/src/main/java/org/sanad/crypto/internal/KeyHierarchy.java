package org.sanad.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.KeyEncryptionKey;
import org.sanad.crypto.Keyring;
import org.sanad.crypto.SecretBytes;
import org.sanad.crypto.WrappedKeyRepository;
import org.sanad.crypto.WrappedKeyRepository.Purpose;
import org.sanad.crypto.WrappedKeyRepository.State;
import org.sanad.crypto.WrappedKeyRepository.WrappedKey;

/**
 * The key hierarchy behind {@link Keyring}: KEK, wrapped data keys in the repository, unwrapped
 * keys in the cache. Wrapping binds each data key to (purpose, organisation, owner, version)
 * through the KEK's associated data, so a wrapped key copied to another defender, organisation
 * or version fails to unwrap.
 */
public final class KeyHierarchy {

    private static final int REWRAP_BATCH = 100;

    private final KeyEncryptionKey kek;
    private final Map<String, KeyEncryptionKey> keks;
    private final WrappedKeyRepository repository;
    /**
     * Owners shredded by this process, whose keys are no longer cached. It grows by one id per
     * erasure; if an erasure rolls back, that owner's keys are simply loaded on every use.
     */
    private final java.util.Set<KeyCache.Id> shredded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final KeyCache cache;
    private final Clock clock;

    public KeyHierarchy(
            KeyEncryptionKey kek,
            List<KeyEncryptionKey> previousKeks,
            WrappedKeyRepository repository,
            KeyCache cache,
            Clock clock) {
        this.kek = kek;
        this.keks = new HashMap<>();
        previousKeks.forEach(previous -> keks.put(previous.id(), previous));
        keks.put(kek.id(), kek);
        this.repository = repository;
        this.cache = cache;
        this.clock = clock;
    }

    /** The associated data of a wrapped key: ("sanad/dek/v1" | "sanad/index-root/v1", org, owner, version). */
    public static byte[] wrapAad(Purpose purpose, String organisation, UUID owner, int version) {
        return switch (purpose) {
            case DATA -> Canonical.tuple("sanad/dek/v1", organisation, owner.toString(), Integer.toString(version));
            case BLIND_INDEX -> Canonical.tuple("sanad/index-root/v1", organisation, Integer.toString(version));
        };
    }

    /**
     * The usable keys of an owner, from the cache or the repository; null if the owner has none.
     * The keys of an owner this process shredded are never cached again: while the shred is not
     * committed, another connection still reads them, and a cached copy would outlive the commit.
     */
    public KeySet keys(Purpose purpose, String organisation, UUID owner) {
        KeyCache.Id id = new KeyCache.Id(purpose, organisation, owner);
        KeySet keys = cache.get(id);
        if (keys == null) {
            keys = load(purpose, organisation, owner);
            if (keys != null && !shredded.contains(id)) {
                keys = cache.put(id, keys);
            }
        }
        return keys;
    }

    /**
     * Runs {@code use} on an owner's keys (null if none), once more with freshly loaded keys if
     * the cached ones expired and were zeroed while in use.
     */
    public <T> T withKeys(
            Purpose purpose, String organisation, UUID owner, java.util.function.Function<KeySet, T> use) {
        try {
            return use.apply(keys(purpose, organisation, owner));
        } catch (DataKey.KeyDestroyed expiredMeanwhile) {
            evict(purpose, organisation, owner);
            try {
                return use.apply(keys(purpose, organisation, owner));
            } catch (DataKey.KeyDestroyed again) {
                throw new CryptoFailure("the key is unavailable");
            }
        }
    }

    /** Forgets (and zeroes) the cached keys of an owner. */
    public void evict(Purpose purpose, String organisation, UUID owner) {
        cache.evict(new KeyCache.Id(purpose, organisation, owner));
    }

    private KeySet load(Purpose purpose, String organisation, UUID owner) {
        List<WrappedKey> rows = repository.versions(purpose, organisation, owner);
        if (rows.isEmpty()) {
            return null;
        }
        Map<Integer, DataKey> versions = new HashMap<>();
        int primary = 0;
        int minimum = Integer.MAX_VALUE;
        for (WrappedKey row : rows) {
            if (row.state() == State.RETIRED) {
                continue;
            }
            versions.put(row.version(), new DataKey(row.version(), unwrap(row)));
            minimum = Math.min(minimum, row.version());
            if (row.state() == State.PRIMARY) {
                primary = Math.max(primary, row.version());
            }
        }
        return new KeySet(primary, minimum, Map.copyOf(versions), cache.expiryFromNow());
    }

    private byte[] unwrap(WrappedKey row) {
        KeyEncryptionKey unwrapping = keks.get(row.kekId());
        if (unwrapping == null) {
            throw new CryptoFailure("the key-encryption key of a wrapped key is not configured");
        }
        SecretBytes key = unwrapping.unwrap(
                row.kekVersion(),
                row.wrapped(),
                wrapAad(row.purpose(), row.organisation(), row.owner(), row.version()));
        try {
            return key.toByteArray();
        } finally {
            key.destroy();
        }
    }

    /** Creates version 1 of an owner's key; fails if the owner has any version. */
    public int create(Purpose purpose, String organisation, UUID owner) {
        if (!repository.versions(purpose, organisation, owner).isEmpty()) {
            throw new IllegalStateException("the key already exists");
        }
        insertVersion(purpose, organisation, owner, 1);
        return 1;
    }

    /** Creates version 1 if the owner has no key (losing a concurrent creation race is fine). */
    public void createIfAbsent(Purpose purpose, String organisation, UUID owner) {
        if (repository.versions(purpose, organisation, owner).isEmpty()) {
            try {
                insertVersion(purpose, organisation, owner, 1);
            } catch (IllegalStateException lostRace) {
                // another replica created it first: use theirs
            }
        }
    }

    /** Makes a new version primary; the previous primary keeps opening. */
    public int rotate(Purpose purpose, String organisation, UUID owner) {
        List<WrappedKey> rows = repository.versions(purpose, organisation, owner);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no key to rotate");
        }
        int next = rows.stream().mapToInt(WrappedKey::version).max().orElseThrow() + 1;
        insertVersion(purpose, organisation, owner, next);
        for (WrappedKey row : rows) {
            if (row.state() == State.PRIMARY) {
                repository.update(row.withState(State.ACTIVE));
            }
        }
        evict(purpose, organisation, owner);
        return next;
    }

    /** Retires every version below {@code minimum} and re-enables those at or above it. */
    public void setMinimumVersion(Purpose purpose, String organisation, UUID owner, int minimum) {
        List<WrappedKey> rows = repository.versions(purpose, organisation, owner);
        int primary = rows.stream()
                .filter(row -> row.state() == State.PRIMARY)
                .mapToInt(WrappedKey::version)
                .max()
                .orElseThrow(() -> new IllegalStateException("no primary key version"));
        if (minimum < 1 || minimum > primary) {
            throw new IllegalArgumentException("the minimum decryption version must be between 1 and the primary");
        }
        for (WrappedKey row : rows) {
            if (row.version() < minimum && row.state() != State.RETIRED) {
                repository.update(row.withState(State.RETIRED));
            } else if (row.version() >= minimum && row.state() == State.RETIRED) {
                repository.update(row.withState(State.ACTIVE));
            }
        }
        evict(purpose, organisation, owner);
    }

    private void insertVersion(Purpose purpose, String organisation, UUID owner, int version) {
        SecretBytes key = SecretBytes.random(Jca.KEY_BYTES);
        try {
            int kekVersion = kek.primaryVersion();
            byte[] wrapped = kek.wrap(kekVersion, key, wrapAad(purpose, organisation, owner, version));
            repository.insert(new WrappedKey(
                    purpose,
                    organisation,
                    owner,
                    version,
                    State.PRIMARY,
                    kek.id(),
                    kekVersion,
                    wrapped,
                    clock.instant()));
        } finally {
            key.destroy();
        }
    }

    /** Deletes every version of a defender's data key and returns the tombstone. */
    public Keyring.Tombstone shred(String organisation, UUID defender) {
        List<Integer> versions = repository.versions(Purpose.DATA, organisation, defender).stream()
                .map(WrappedKey::version)
                .sorted()
                .toList();
        shredded.add(new KeyCache.Id(Purpose.DATA, organisation, defender));
        repository.deleteAll(Purpose.DATA, organisation, defender);
        evict(Purpose.DATA, organisation, defender);
        Instant at = clock.instant();
        return new Keyring.Tombstone(
                organisation, defender, versions, at, tombstoneDigest(organisation, defender, versions, at));
    }

    static String tombstoneDigest(String organisation, UUID defender, List<Integer> versions, Instant at) {
        List<String> parts = new ArrayList<>();
        parts.add("sanad/tombstone/v1");
        parts.add(organisation);
        parts.add(defender.toString());
        versions.forEach(version -> parts.add(Integer.toString(version)));
        parts.add(at.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Canonical.tuple(parts.toArray(String[]::new)));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoFailure("SHA-256 is not available");
        }
    }

    /** Re-wraps every wrapped key not under the current KEK's primary version; data rows are untouched. */
    public int rewrapAll() {
        int total = 0;
        while (true) {
            int kekVersion = kek.primaryVersion();
            List<WrappedKey> batch = repository.wrappedOtherThan(kek.id(), kekVersion, REWRAP_BATCH);
            if (batch.isEmpty()) {
                return total;
            }
            batch = new ArrayList<>(batch);
            batch.sort(Comparator.comparing(WrappedKey::organisation).thenComparing(WrappedKey::version));
            for (WrappedKey row : batch) {
                byte[] material = unwrap(row);
                SecretBytes key = SecretBytes.copyOf(material);
                Arrays.fill(material, (byte) 0);
                try {
                    byte[] aad = wrapAad(row.purpose(), row.organisation(), row.owner(), row.version());
                    repository.update(row.rewrapped(kek.id(), kekVersion, kek.wrap(kekVersion, key, aad)));
                } finally {
                    key.destroy();
                }
                total++;
            }
        }
    }

    /** Removes and zeroes the cached keys whose time to live is over. */
    public int forgetExpiredKeys() {
        return cache.removeExpired();
    }

    /** Forgets every cached key. */
    public void clearCache() {
        cache.clear();
    }
}
