package org.sanad.crypto;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.sanad.crypto.internal.InMemoryWrappedKeyRepository;

/**
 * Where wrapped data keys are kept (SPI): one row per key version, holding only ciphertext
 * under the {@link KeyEncryptionKey}. The server implements it on PostgreSQL in a table that is
 * not Envers-audited, so that {@link #deleteAll} truly destroys; {@link #inMemory()} serves
 * tests.
 *
 * <p>Guarantee expected of every implementation: {@link #insert} refuses a second row with the
 * same identity (purpose, organisation, owner, version), so that two replicas creating the same
 * key cannot both win; {@link #deleteAll} leaves no copy it controls (no history, no soft
 * delete). Backups of the table still hold wrapped keys until they expire: see {@code
 * crypto/README.md}.
 */
public interface WrappedKeyRepository {

    /** The owner id used for keys that belong to the organisation, not to a defender. */
    UUID ORGANISATION = new UUID(0, 0);

    /** What a key is for. */
    enum Purpose {
        /** A defender's data key: seals their fields and files. */
        DATA,
        /** An organisation's blind-index root key. */
        BLIND_INDEX
    }

    /** The life-cycle state of one key version. */
    enum State {
        /** Seals new values and opens old ones; exactly one version per owner. */
        PRIMARY,
        /** Opens values; sealed values are moved off it by re-encryption. */
        ACTIVE,
        /** Below the minimum decryption version: refuses to open. */
        RETIRED
    }

    /**
     * One wrapped key version.
     *
     * @param purpose what the key is for
     * @param organisation the owning organisation
     * @param owner the defender id, or {@link #ORGANISATION}
     * @param version the key version, from 1
     * @param state its life-cycle state
     * @param kekId the id of the KEK that wrapped it
     * @param kekVersion the KEK version that wrapped it
     * @param wrapped the wrapped key (ciphertext)
     * @param createdAt when the version was created
     */
    record WrappedKey(
            Purpose purpose,
            String organisation,
            UUID owner,
            int version,
            State state,
            String kekId,
            int kekVersion,
            byte[] wrapped,
            Instant createdAt) {

        public WrappedKey {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(organisation, "organisation");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(kekId, "kekId");
            Objects.requireNonNull(createdAt, "createdAt");
            if (version < 1 || kekVersion < 1) {
                throw new IllegalArgumentException("versions start at 1");
            }
            wrapped = wrapped.clone();
        }

        @Override
        public byte[] wrapped() {
            return wrapped.clone();
        }

        /** Returns this row in another state. */
        public WrappedKey withState(State newState) {
            return new WrappedKey(
                    purpose, organisation, owner, version, newState, kekId, kekVersion, wrapped, createdAt);
        }

        /** Returns this row wrapped again under another KEK version. */
        public WrappedKey rewrapped(String newKekId, int newKekVersion, byte[] newWrapped) {
            return new WrappedKey(
                    purpose, organisation, owner, version, state, newKekId, newKekVersion, newWrapped, createdAt);
        }

        @Override
        public String toString() {
            return "WrappedKey[" + purpose + " " + organisation + " " + owner + " v" + version + " " + state + " "
                    + kekId + " v" + kekVersion + "]";
        }
    }

    /** Returns every version of one owner's key, in any order; empty if none. */
    List<WrappedKey> versions(Purpose purpose, String organisation, UUID owner);

    /**
     * Adds a version.
     *
     * @throws IllegalStateException if a row with the same identity exists
     */
    void insert(WrappedKey key);

    /** Replaces the row with the same identity (new state, or re-wrapped). */
    void update(WrappedKey key);

    /**
     * Deletes every version of one owner's key.
     *
     * @return the number of rows deleted
     */
    int deleteAll(Purpose purpose, String organisation, UUID owner);

    /**
     * Returns at most {@code limit} rows not wrapped under exactly ({@code kekId}, {@code
     * kekVersion}): the work list of a KEK rotation.
     */
    List<WrappedKey> wrappedOtherThan(String kekId, int kekVersion, int limit);

    /** Returns a thread-safe repository in memory, for tests and tools. */
    static WrappedKeyRepository inMemory() {
        return new InMemoryWrappedKeyRepository();
    }
}
