package org.sanad.crypto.internal;

import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sanad.crypto.CryptoFailure;

/**
 * HKDF with HMAC-SHA256 (RFC 5869) on the JDK's HMAC. Written out rather than through {@code
 * javax.crypto.KDF} so that derivation reuses the per-thread {@code Mac}; the tests check it
 * against the RFC's vectors and against {@code javax.crypto.KDF}.
 */
public final class Hkdf {

    private static final int HASH_BYTES = 32;
    private static final byte[] ZERO_SALT = new byte[HASH_BYTES];

    private Hkdf() {}

    /** HKDF-Extract then HKDF-Expand; an empty or null salt means 32 zero bytes. */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        byte[] prk = extract(salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /** HKDF-Extract: PRK = HMAC(salt, IKM). */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        Mac mac = Jca.hmac();
        init(mac, salt == null || salt.length == 0 ? ZERO_SALT : salt);
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand: T(i) = HMAC(PRK, T(i-1) | info | i). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF output length out of range");
        }
        Mac mac = Jca.hmac();
        init(mac, prk);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) i);
            byte[] next = mac.doFinal();
            Arrays.fill(block, (byte) 0);
            block = next;
            int n = Math.min(HASH_BYTES, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    private static void init(Mac mac, byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, Jca.HMAC_SHA256));
        } catch (InvalidKeyException e) {
            throw new CryptoFailure("HMAC key rejected");
        }
    }
}
