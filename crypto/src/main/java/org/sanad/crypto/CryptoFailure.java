package org.sanad.crypto;

/**
 * The one failure type of this library: a value, stream or key could not be sealed, opened or
 * unwrapped.
 *
 * <p>Guarantee: the message is one of a few fixed sentences. It never contains plaintext, key
 * material, ciphertext or the identifiers of the value, and every way in which opening can fail
 * (malformed input, unknown or retired key version, destroyed key, wrong context, tampering)
 * produces the same message, so that an error response or a log line tells an attacker nothing
 * about why. No cause is attached for the same reason.
 */
public final class CryptoFailure extends RuntimeException {

    /** The message of every failure to open a sealed value or an encrypted stream. */
    public static final String CANNOT_OPEN = "the sealed value cannot be opened";

    private static final long serialVersionUID = 1L;

    /**
     * Creates a failure with a fixed message. Callers must pass a constant sentence, never data.
     *
     * @param fixedMessage a constant sentence that names no value
     */
    public CryptoFailure(String fixedMessage) {
        super(fixedMessage);
    }

    /** Returns the failure for any kind of failure to open. */
    public static CryptoFailure cannotOpen() {
        return new CryptoFailure(CANNOT_OPEN);
    }
}
