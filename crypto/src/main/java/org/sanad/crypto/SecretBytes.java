package org.sanad.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Key material that cannot be printed by accident.
 *
 * <p>Guarantee: {@link #toString()} prints {@code [redacted]}; {@link #equals(Object)} is
 * identity so that secrets are never compared by a timing-variable {@code Arrays.equals}; {@link
 * #equalsConstantTime(SecretBytes)} compares contents in time independent of where they differ;
 * {@link #destroy()} overwrites the bytes with zeros. Zeroing is best effort: the JVM may have
 * copied the array (garbage collection, a {@code javax.crypto.spec.SecretKeySpec} made from it),
 * and those copies cannot be reached.
 */
public final class SecretBytes implements Destroyable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Returns {@code length} fresh bytes from the system's secure random source. */
    public static SecretBytes random(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("a secret has at least one byte");
        }
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return new SecretBytes(bytes);
    }

    /** Returns a copy of {@code bytes}; the caller should zero its own array afterwards. */
    public static SecretBytes copyOf(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a secret has at least one byte");
        }
        return new SecretBytes(bytes.clone());
    }

    /** Returns the number of bytes. */
    public int size() {
        return bytes.length;
    }

    /**
     * Returns a copy of the bytes. The caller owns the copy and should zero it when done.
     *
     * @throws IllegalStateException if destroyed
     */
    public byte[] toByteArray() {
        if (destroyed) {
            throw new IllegalStateException("the secret was destroyed");
        }
        return bytes.clone();
    }

    /** Compares contents in constant time (for equal lengths); false if either is destroyed. */
    public boolean equalsConstantTime(SecretBytes other) {
        if (destroyed || other.destroyed) {
            return false;
        }
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Overwrites the bytes with zeros; later use fails. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
