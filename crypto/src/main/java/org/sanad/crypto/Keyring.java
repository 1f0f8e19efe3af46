package org.sanad.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sanad.crypto.WrappedKeyRepository.Purpose;
import org.sanad.crypto.internal.BlindIndexImpl;
import org.sanad.crypto.internal.FieldCipherImpl;
import org.sanad.crypto.internal.KeyCache;
import org.sanad.crypto.internal.KeyHierarchy;
import org.sanad.crypto.internal.ProviderCheck;
import org.sanad.crypto.internal.StreamingAeadImpl;

/**
 * The key hierarchy (FORMAT.md) and the entry point of this library: a {@link
 * KeyEncryptionKey} wraps one data key per defender (the unit of erasure) and one blind-index
 * root per organisation; wrapped keys live in a {@link WrappedKeyRepository}; unwrapped keys
 * live in a small bounded cache with a short time to live.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Each data key version is wrapped with AES-256-GCM bound to (organisation, defender,
 *       version): a wrapped key copied to another defender or organisation does not unwrap.
 *   <li>Rotation at three levels: {@link #rotateKeyEncryptionKey()} and {@link #rewrapAll()}
 *       re-wrap keys and change no data row; {@link #rotateDefenderKey} makes a new version
 *       primary while older ones keep opening; {@link #setMinimumDecryptionVersion} then refuses
 *       every value sealed under an older version. {@link #reencrypt} moves values to the
 *       primary version in resumable pages.
 *   <li>{@link #shred} deletes every version of a defender's key from the repository and from
 *       this process's cache: from then on every value and file sealed under it fails to open,
 *       wherever its ciphertext is kept. Other replicas forget the key when their cache entry
 *       expires ({@link Builder#cacheTtl}, one minute by default).
 *   <li>{@link #build()} refuses to start when the JVM's providers are unsafe ({@link
 *       #checkProviders()}).
 * </ul>
 *
 * <p>Thread-safe. One instance per process.
 */
public final class Keyring {

    private final KeyHierarchy keys;
    private final KeyEncryptionKey kek;
    private final FieldCipher fieldCipher;
    private final StreamingAead streamingAead;

    private Keyring(Builder builder) {
        this.kek = builder.kek;
        this.keys = new KeyHierarchy(
                builder.kek,
                builder.previousKeks,
                builder.repository,
                new KeyCache(builder.cacheSize, builder.cacheTtl, builder.clock),
                builder.clock);
        this.fieldCipher = new FieldCipherImpl(keys);
        this.streamingAead = new StreamingAeadImpl(keys);
    }

    /** Starts building a keyring. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cipher for field values; thread-safe, one per keyring. */
    public FieldCipher fieldCipher() {
        return fieldCipher;
    }

    /** The streaming AEAD for files (evidence attachments); thread-safe, one per keyring. */
    public StreamingAead streamingAead() {
        return streamingAead;
    }

    /**
     * Returns the blind index of (entity, field, index name) in an organisation, sized for {@link
     * BlindIndex#DEFAULT_PROJECTED_ROWS} rows. Creates the organisation's blind-index root key on
     * first use.
     */
    public BlindIndex blindIndex(
            String organisation, String entity, String field, String index, BlindIndex.Normalization normalization) {
        return blindIndex(organisation, entity, field, index, normalization, BlindIndex.DEFAULT_PROJECTED_ROWS);
    }

    /**
     * Returns the blind index of (entity, field, index name) in an organisation, truncated to
     * {@link BlindIndex#bitsFor(long) bitsFor(projectedRows)} bits. Creates the organisation's
     * blind-index root key on first use. The index keys are independent of every data key.
     */
    public BlindIndex blindIndex(
            String organisation,
            String entity,
            String field,
            String index,
            BlindIndex.Normalization normalization,
            long projectedRows) {
        new EncryptionContext(
                organisation, entity, field, WrappedKeyRepository.ORGANISATION, WrappedKeyRepository.ORGANISATION);
        new EncryptionContext(
                organisation, entity, index, WrappedKeyRepository.ORGANISATION, WrappedKeyRepository.ORGANISATION);
        int bits = BlindIndex.bitsFor(projectedRows);
        keys.createIfAbsent(Purpose.BLIND_INDEX, organisation, WrappedKeyRepository.ORGANISATION);
        return keys.withKeys(Purpose.BLIND_INDEX, organisation, WrappedKeyRepository.ORGANISATION, root -> {
            if (root == null || root.primary() == null) {
                throw new CryptoFailure("the organisation has no blind-index key");
            }
            return new BlindIndexImpl(root.primary().indexKey(entity, field, index), normalization, bits);
        });
    }

    /**
     * Creates version 1 of a defender's data key. Call it once, when the defender is registered;
     * never again for a defender who was shredded (the server keeps the tombstone), since new
     * data would then be readable again under a new key.
     *
     * @throws IllegalStateException if the defender has a key already
     */
    public int createDefenderKey(String organisation, UUID defenderId) {
        return keys.create(Purpose.DATA, organisation, defenderId);
    }

    /**
     * Makes a new version of a defender's data key primary. Values sealed under older versions
     * keep opening until {@link #setMinimumDecryptionVersion} rises above them.
     *
     * @return the new primary version
     */
    public int rotateDefenderKey(String organisation, UUID defenderId) {
        return keys.rotate(Purpose.DATA, organisation, defenderId);
    }

    /**
     * Refuses, from now on, every value of this defender sealed under a version below {@code
     * minimum} (lowering it again re-enables them, as long as they were not shredded).
     *
     * @throws IllegalArgumentException if {@code minimum} is above the primary version
     */
    public void setMinimumDecryptionVersion(String organisation, UUID defenderId, int minimum) {
        keys.setMinimumVersion(Purpose.DATA, organisation, defenderId, minimum);
    }

    /**
     * Re-seals a value under the defender's primary key version if it was sealed under an older
     * one: the lazy re-encryption on write.
     *
     * @return the re-sealed value, or empty if it is already under the primary version
     * @throws CryptoFailure if the value does not open under the context
     */
    public Optional<byte[]> reseal(byte[] sealed, EncryptionContext context) {
        byte[] plaintext = fieldCipher.open(sealed, context);
        try {
            int primary = keys.withKeys(
                    Purpose.DATA,
                    context.organisation(),
                    context.defenderId(),
                    current -> current == null ? -1 : current.primaryVersion());
            if (FieldCipherImpl.keyVersion(sealed) == primary) {
                return Optional.empty();
            }
            return Optional.of(fieldCipher.seal(plaintext, context));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Re-encrypts one page of sealed values to their defenders' primary key versions: the
     * resumable batch of a DEK rotation. Call it with the position it returned until {@link
     * Progress#done()}; after a crash, call it again with the last position persisted. Values
     * already under the primary version are left alone, so a page can be repeated safely.
     *
     * @param values the sealed values, in a stable order
     * @param after the position to continue after, or null to start
     * @param pageSize the number of values to examine
     */
    public Progress reencrypt(SealedValues values, String after, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one value");
        }
        List<SealedValue> page = values.page(after, pageSize);
        int resealed = 0;
        String position = after;
        for (SealedValue value : page) {
            Optional<byte[]> replacement = reseal(value.sealed(), value.context());
            if (replacement.isPresent()) {
                values.replace(value, replacement.get());
                resealed++;
            }
            position = value.position();
        }
        return new Progress(position, page.size(), resealed, page.size() < pageSize);
    }

    /**
     * Rotates the KEK (a new primary version in its holder) and re-wraps every data key under it.
     * No sealed value changes.
     *
     * @return the number of wrapped keys re-wrapped
     */
    public int rotateKeyEncryptionKey() {
        kek.rotate();
        return rewrapAll();
    }

    /**
     * Re-wraps every wrapped key that is not under the KEK's primary version (after a rotation
     * done elsewhere, or a move from a previous KEK). Resumable: run it again after a crash.
     *
     * @return the number of wrapped keys re-wrapped
     */
    public int rewrapAll() {
        int count = keys.rewrapAll();
        keys.clearCache();
        return count;
    }

    /**
     * Removes and zeroes the unwrapped keys whose cache time to live is over. The cache also does
     * this whenever it loads a key; a server calls it on a schedule so that an idle process keeps
     * no expired key in memory.
     *
     * @return how many owners' keys were forgotten
     */
    public int forgetExpiredKeys() {
        return keys.forgetExpiredKeys();
    }

    /**
     * Crypto-shreds a defender: deletes every version of their data key and evicts it from the
     * cache. Every value and file sealed under it fails to open from now on. The server must also
     * delete the defender's blind-index rows and record the tombstone in the audit chain.
     */
    public Tombstone shred(String organisation, UUID defenderId) {
        return keys.shred(organisation, defenderId);
    }

    /**
     * Reports which providers serve AES/GCM and HmacSHA256 when none is named, and fails if it is
     * not SunJCE or if BouncyCastle is provider number 1. This library always names SunJCE, so
     * the check protects the rest of the process.
     *
     * @throws CryptoFailure if the provider order is unsafe
     */
    public static ProviderReport checkProviders() {
        return ProviderCheck.check();
    }

    /**
     * What a shredding destroyed, for the audit chain. It holds no key material.
     *
     * @param organisation the defender's organisation
     * @param defenderId the defender
     * @param destroyedVersions the key versions deleted
     * @param destroyedAt when
     * @param digest hex SHA-256 over the canonical tuple ("sanad/tombstone/v1", organisation,
     *     defender, versions..., instant)
     */
    public record Tombstone(
            String organisation, UUID defenderId, List<Integer> destroyedVersions, Instant destroyedAt, String digest) {
        public Tombstone {
            destroyedVersions = List.copyOf(destroyedVersions);
        }
    }

    /**
     * The providers found by {@link #checkProviders()}.
     *
     * @param aesGcm the provider serving {@code Cipher.getInstance("AES/GCM/NoPadding")}
     * @param hmacSha256 the provider serving {@code Mac.getInstance("HmacSHA256")}
     * @param first the provider at position 1
     * @param bouncyCastlePosition BouncyCastle's position from 1, or 0 if not registered
     * @param sunJce {@code SunJCE} if present, else {@code missing}
     */
    public record ProviderReport(
            String aesGcm, String hmacSha256, String first, int bouncyCastlePosition, String sunJce) {

        /** Whether this is the intended setup. */
        public boolean acceptable() {
            return "SunJCE".equals(aesGcm)
                    && "SunJCE".equals(hmacSha256)
                    && "SunJCE".equals(sunJce)
                    && bouncyCastlePosition != 1;
        }
    }

    /**
     * One sealed value to re-encrypt.
     *
     * @param position where it is in the stable order of {@link SealedValues#page}
     * @param context its context
     * @param sealed its sealed bytes
     */
    public record SealedValue(String position, EncryptionContext context, byte[] sealed) {}

    /** The sealed values of a re-encryption batch, implemented by the server over its tables. */
    public interface SealedValues {

        /** Returns up to {@code limit} values after {@code position} (null: from the start), in a stable order. */
        List<SealedValue> page(String position, int limit);

        /** Stores the re-sealed value (ideally only if the row still holds {@code value.sealed()}). */
        void replace(SealedValue value, byte[] resealed);
    }

    /**
     * The result of one {@link #reencrypt} page.
     *
     * @param position the position to resume after
     * @param examined the values examined
     * @param resealed the values re-sealed
     * @param done whether the end was reached
     */
    public record Progress(String position, int examined, int resealed, boolean done) {}

    /** Configures a {@link Keyring}. */
    public static final class Builder {

        private KeyEncryptionKey kek;
        private final List<KeyEncryptionKey> previousKeks = new ArrayList<>();
        private WrappedKeyRepository repository;
        private int cacheSize = 10_000;
        private Duration cacheTtl = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private boolean checkProviders = true;

        private Builder() {}

        /** The KEK that wraps new keys (required). */
        public Builder keyEncryptionKey(KeyEncryptionKey kek) {
            this.kek = Objects.requireNonNull(kek);
            return this;
        }

        /** A KEK that wrapped keys in the past (another id): it only unwraps, until {@link #rewrapAll()}. */
        public Builder previousKeyEncryptionKey(KeyEncryptionKey previous) {
            previousKeks.add(Objects.requireNonNull(previous));
            return this;
        }

        /** Where wrapped keys are kept (required). */
        public Builder repository(WrappedKeyRepository repository) {
            this.repository = Objects.requireNonNull(repository);
            return this;
        }

        /** The most owners whose unwrapped keys are cached (default 10,000). */
        public Builder cacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
            return this;
        }

        /** How long an unwrapped key stays cached (default one minute). */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = Objects.requireNonNull(cacheTtl);
            return this;
        }

        /** The clock for cache expiry and tombstones. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Whether {@link #build()} runs {@link #checkProviders()} (default true). */
        public Builder checkProviders(boolean checkProviders) {
            this.checkProviders = checkProviders;
            return this;
        }

        /**
         * Builds the keyring.
         *
         * @throws CryptoFailure if the provider check fails
         */
        public Keyring build() {
            Objects.requireNonNull(kek, "a key-encryption key is required");
            Objects.requireNonNull(repository, "a wrapped-key repository is required");
            if (checkProviders) {
                Keyring.checkProviders();
            }
            return new Keyring(this);
        }
    }
}
