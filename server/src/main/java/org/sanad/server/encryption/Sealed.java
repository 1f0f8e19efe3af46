package org.sanad.server.encryption;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The ciphertext of one sealed field, as stored in its column: an immutable value compared by
 * content, so that Hibernate sees an unchanged field as unchanged and writes no revision.
 */
public final class Sealed {

    private final byte[] bytes;

    private Sealed(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Sealed of(byte[] bytes) {
        return new Sealed(Objects.requireNonNull(bytes, "bytes").clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed sealed && Arrays.equals(bytes, sealed.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** A short fingerprint of the ciphertext, never the plaintext. */
    @Override
    public String toString() {
        return "Sealed[" + bytes.length + " bytes, " + HexFormat.of().formatHex(bytes, 0, Math.min(6, bytes.length))
                + "…]";
    }
}
