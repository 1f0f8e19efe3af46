package org.sanad.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sanad.crypto.CryptoFailure;

/**
 * The JCA primitives this library uses, always from the JDK's {@code SunJCE} provider named
 * explicitly, so that a provider inserted first in the list (BouncyCastle's GCM is 5-26x slower)
 * can never silently serve them. {@code Cipher} and {@code Mac} instances are reused per thread:
 * {@code getInstance} per call costs 3.6-8.8x at small sizes (crypto/BENCHMARKS.md).
 */
public final class Jca {

    /** The provider that must serve AES/GCM and HmacSHA256. */
    public static final String PROVIDER = "SunJCE";

    public static final String AES_GCM = "AES/GCM/NoPadding";
    public static final String HMAC_SHA256 = "HmacSHA256";
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(Jca::newGcm);
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(Jca::newHmac);

    private Jca() {}

    /** The calling thread's AES-GCM cipher; callers must {@code init} it before every use. */
    public static Cipher gcm() {
        return GCM.get();
    }

    /** The calling thread's HMAC-SHA256; callers must {@code init} it before every use. */
    public static Mac hmac() {
        return HMAC.get();
    }

    /** A new AES-GCM cipher from SunJCE, for a stream that owns it. */
    public static Cipher newGcm() {
        try {
            return Cipher.getInstance(AES_GCM, PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("AES-GCM is not available from SunJCE");
        }
    }

    /** A new HMAC-SHA256 from SunJCE. */
    public static Mac newHmac() {
        try {
            return Mac.getInstance(HMAC_SHA256, PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("HmacSHA256 is not available from SunJCE");
        }
    }

    /** Fills {@code bytes} from the shared secure random source. */
    public static void randomBytes(byte[] bytes) {
        RANDOM.nextBytes(bytes);
    }

    /** Returns {@code length} random bytes. */
    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** An AES key object for {@code bytes} (the JDK copies the array). */
    public static SecretKeySpec aesKey(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new CryptoFailure("an AES-256 key has 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
