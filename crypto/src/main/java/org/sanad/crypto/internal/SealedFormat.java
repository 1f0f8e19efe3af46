package org.sanad.crypto.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.FieldCipher;

/**
 * Format v1 of a sealed field (crypto/FORMAT.md):
 *
 * <pre>
 * 0   1  format version 0x01
 * 1   1  suite 0x01 = AES-256-GCM, random 96-bit nonce, 128-bit tag
 * 2   4  key id = the defender's key version, big-endian
 * 6  12  nonce
 * 18  n  ciphertext of the padded plaintext, then the 16-byte tag
 * </pre>
 *
 * AAD = the 6 header bytes followed by the canonical context. The plaintext is padded with 0x80
 * then zeros (ISO/IEC 7816-4) to a length bucket ({@link #paddedLength}).
 */
public final class SealedFormat {

    public static final byte VERSION_1 = 0x01;
    public static final byte SUITE_AES256_GCM = 0x01;
    public static final int HEADER_BYTES = 6;
    public static final int NONCE_OFFSET = HEADER_BYTES;
    public static final int BODY_OFFSET = HEADER_BYTES + Jca.NONCE_BYTES;
    public static final int MIN_SEALED_BYTES = BODY_OFFSET + 16 + Jca.TAG_BYTES;

    private static final byte[] PADDING = padding();
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);

    private SealedFormat() {}

    private static byte[] padding() {
        byte[] padding = new byte[FieldCipher.MAX_PLAINTEXT_BYTES / 8 + 16];
        padding[0] = (byte) 0x80;
        return padding;
    }

    /**
     * The padded length for a plaintext of {@code length} bytes (at least one padding byte): the
     * smallest bucket of 16, 32, 64, 128, 256 bytes; beyond that Padmé (Nikitin et al., PURBs,
     * 2019): at most 12% overhead, and the length leaks only O(log log n) bits.
     */
    public static int paddedLength(int length) {
        int needed = length + 1;
        for (int bucket = 16; bucket <= 256; bucket <<= 1) {
            if (needed <= bucket) {
                return bucket;
            }
        }
        int exponent = 31 - Integer.numberOfLeadingZeros(needed);
        int bitsOfExponent = 32 - Integer.numberOfLeadingZeros(exponent);
        int mask = (1 << (exponent - bitsOfExponent)) - 1;
        return (needed + mask) & ~mask;
    }

    /** The sealed length for a plaintext of {@code length} bytes. */
    public static int sealedLength(int length) {
        return BODY_OFFSET + paddedLength(length) + Jca.TAG_BYTES;
    }

    /**
     * Seals with an explicit nonce. Production code passes a fresh random nonce; tests pass fixed
     * ones for the golden vectors.
     */
    public static byte[] seal(Cipher cipher, SecretKey key, int keyId, byte[] nonce, byte[] plaintext, byte[] context) {
        if (plaintext.length > FieldCipher.MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("the value is longer than a sealed field allows; use StreamingAead");
        }
        if (nonce.length != Jca.NONCE_BYTES) {
            throw new IllegalArgumentException("a nonce has 12 bytes");
        }
        int padded = paddedLength(plaintext.length);
        byte[] out = new byte[BODY_OFFSET + padded + Jca.TAG_BYTES];
        out[0] = VERSION_1;
        out[1] = SUITE_AES256_GCM;
        Canonical.putInt(out, 2, keyId);
        System.arraycopy(nonce, 0, out, NONCE_OFFSET, Jca.NONCE_BYTES);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(Jca.TAG_BITS, nonce));
            cipher.updateAAD(out, 0, HEADER_BYTES);
            cipher.updateAAD(context);
            int written = cipher.update(plaintext, 0, plaintext.length, out, BODY_OFFSET);
            cipher.doFinal(PADDING, 0, padded - plaintext.length, out, BODY_OFFSET + written);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("the value cannot be sealed");
        }
        return out;
    }

    /**
     * Returns the key id of a well-formed v1 value.
     *
     * @throws CryptoFailure if the value is too short or of an unknown version or suite
     */
    public static int keyId(byte[] sealed) {
        if (sealed == null
                || sealed.length < MIN_SEALED_BYTES
                || sealed[0] != VERSION_1
                || sealed[1] != SUITE_AES256_GCM
                || (sealed.length - BODY_OFFSET - Jca.TAG_BYTES) % 16 != 0) {
            throw CryptoFailure.cannotOpen();
        }
        return Canonical.getInt(sealed, 2);
    }

    /**
     * Opens a v1 value whose key id the caller has already checked.
     *
     * @throws CryptoFailure if authentication fails or the padding is malformed
     */
    public static byte[] open(Cipher cipher, SecretKey key, byte[] sealed, byte[] context) {
        keyId(sealed);
        byte[] padded;
        try {
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(Jca.TAG_BITS, sealed, NONCE_OFFSET, Jca.NONCE_BYTES));
            cipher.updateAAD(sealed, 0, HEADER_BYTES);
            cipher.updateAAD(context);
            padded = cipher.doFinal(sealed, BODY_OFFSET, sealed.length - BODY_OFFSET);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw CryptoFailure.cannotOpen();
        }
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != (byte) 0x80) {
            Arrays.fill(padded, (byte) 0);
            throw CryptoFailure.cannotOpen();
        }
        byte[] plaintext = Arrays.copyOf(padded, end);
        Arrays.fill(padded, (byte) 0);
        return plaintext;
    }
}
