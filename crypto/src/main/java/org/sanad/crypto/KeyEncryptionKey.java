package org.sanad.crypto;

import java.nio.file.Path;
import org.sanad.crypto.internal.BcfksKeyEncryptionKey;

/**
 * The key-encryption key (KEK) at the top of the hierarchy: it wraps data keys and never leaves
 * its holder. Implement it for a KMS, Vault transit or a PKCS#11 HSM; the default keeps AES-256
 * keys in a BCFKS keystore file ({@link #openBcfks}).
 *
 * <p>Guarantee expected of every implementation: {@link #wrap} is an authenticated encryption
 * bound to {@code associatedData} and to this key's id and version, so {@link #unwrap} with any
 * other associated data, version or key fails with {@link CryptoFailure}. Versions only grow;
 * every version not deliberately destroyed keeps unwrapping, which makes rotation possible
 * without downtime ({@link Keyring#rewrapAll()}).
 */
public interface KeyEncryptionKey {

    /** The environment variable that holds the password of the default BCFKS keystore. */
    String PASSWORD_VARIABLE = "SANAD_KEK_PASSWORD";

    /** A stable name stored next to every wrapped key, e.g. {@code sanad-kek}. */
    String id();

    /** The version that {@link #wrap} should use for new wraps. */
    int primaryVersion();

    /**
     * Encrypts a data key under the given version.
     *
     * @param version a version of this key, normally {@link #primaryVersion()}
     * @param dataKey the key to wrap; left intact
     * @param associatedData what the wrapped key is bound to
     */
    byte[] wrap(int version, SecretBytes dataKey, byte[] associatedData);

    /**
     * Decrypts a wrapped data key.
     *
     * @throws CryptoFailure if the version is unknown or the wrapped bytes or associated data differ
     */
    SecretBytes unwrap(int version, byte[] wrapped, byte[] associatedData);

    /**
     * Creates a new primary version; older versions keep unwrapping until re-wrapped.
     *
     * @return the new primary version
     */
    int rotate();

    /**
     * Opens the default KEK: a BCFKS keystore file created by {@code KekTool create}.
     *
     * @param keystore the keystore file
     * @param password its password (the caller should clear the array afterwards)
     * @throws CryptoFailure if the file is missing, the password is wrong or it holds no KEK
     */
    static KeyEncryptionKey openBcfks(Path keystore, char[] password) {
        return BcfksKeyEncryptionKey.open(keystore, password);
    }

    /**
     * Opens the default KEK with the password from the environment variable {@value
     * #PASSWORD_VARIABLE}.
     *
     * @throws CryptoFailure if the variable is not set or the keystore cannot be opened
     */
    static KeyEncryptionKey openBcfksFromEnvironment(Path keystore) {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new CryptoFailure("the KEK password variable is not set");
        }
        return openBcfks(keystore, password.toCharArray());
    }
}
