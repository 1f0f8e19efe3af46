package org.sanad.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Seals and opens one field value under its {@link EncryptionContext}: AES-256-GCM with a random
 * 96-bit nonce, the key of the context's defender, format v1 of {@code crypto/FORMAT.md}.
 *
 * <p>Guarantee: {@link #open} returns the plaintext only if the sealed bytes are exactly what
 * {@link #seal} produced under the same context, with a key version of that defender that is
 * neither destroyed nor below the defender's minimum decryption version. Otherwise it throws
 * {@link CryptoFailure} with the same message whatever the reason. Sealing the same value twice
 * gives different bytes (probabilistic encryption); short values are padded to length buckets
 * (16, 32, 64, 128, 256 bytes; longer ones by Padmé, at most 12% more) so the ciphertext length
 * tells less about the value. Instances are thread-safe.
 *
 * <p>Obtain one from {@link Keyring#fieldCipher()}.
 */
public interface FieldCipher {

    /** The largest plaintext accepted by {@link #seal}; larger payloads go through {@link StreamingAead}. */
    int MAX_PLAINTEXT_BYTES = 256 * 1024;

    /**
     * Seals {@code plaintext} under the primary key version of the context's defender.
     *
     * @throws CryptoFailure if the defender has no key (never created, or shredded)
     * @throws IllegalArgumentException if the plaintext is longer than {@link #MAX_PLAINTEXT_BYTES}
     */
    byte[] seal(byte[] plaintext, EncryptionContext context);

    /**
     * Opens a value sealed under exactly this context.
     *
     * @throws CryptoFailure for every kind of failure, always with {@link CryptoFailure#CANNOT_OPEN}
     */
    byte[] open(byte[] sealed, EncryptionContext context);

    /** Seals the UTF-8 encoding of {@code plaintext}. */
    default byte[] seal(String plaintext, EncryptionContext context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /** Opens a value sealed by {@link #seal(String, EncryptionContext)}. */
    default String openString(byte[] sealed, EncryptionContext context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }
}
