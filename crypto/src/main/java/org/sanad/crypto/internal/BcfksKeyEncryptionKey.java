package org.sanad.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.sanad.crypto.CryptoFailure;

/**
 * The default KEK: AES-256 keys in a BCFKS keystore file (BouncyCastle's FIPS-style keystore:
 * PBKDF2-derived key, AES-CCM protected entries), one entry per version named {@code
 * <id>.v<version>}. Rotation writes the new version to a temporary file in the same directory
 * and moves it over the old one atomically, so a crash leaves the old or the new keystore, never
 * a torn one.
 */
public final class BcfksKeyEncryptionKey extends AesGcmKeyEncryptionKey {

    /** The KEK id of keystores created without one. */
    public static final String DEFAULT_ID = "sanad-kek";

    private static final Pattern ALIAS = Pattern.compile("([a-z0-9][a-z0-9-]{0,62})\\.v([1-9][0-9]{0,8})");
    private static final int MIN_PASSWORD_CHARS = 12;

    private final Path file;
    private final char[] password;

    private BcfksKeyEncryptionKey(String id, Path file, char[] password) {
        super(id);
        this.file = file;
        this.password = password.clone();
    }

    /** Creates a keystore with version 1 of a new KEK; refuses to overwrite an existing file. */
    public static BcfksKeyEncryptionKey create(Path file, char[] password, String id) {
        if (password.length < MIN_PASSWORD_CHARS) {
            throw new IllegalArgumentException("the keystore password needs at least 12 characters");
        }
        if (Files.exists(file)) {
            throw new IllegalStateException("the keystore exists; refusing to overwrite it");
        }
        BcfksKeyEncryptionKey kek = new BcfksKeyEncryptionKey(id, file, password);
        kek.rotate();
        return kek;
    }

    /** Opens an existing keystore. */
    public static BcfksKeyEncryptionKey open(Path file, char[] password) {
        KeyStore store = load(file, password);
        BcfksKeyEncryptionKey kek = null;
        try {
            for (String alias : Collections.list(store.aliases())) {
                Matcher matcher = ALIAS.matcher(alias);
                if (!matcher.matches()) {
                    continue;
                }
                if (kek == null) {
                    kek = new BcfksKeyEncryptionKey(matcher.group(1), file, password);
                } else if (!kek.id().equals(matcher.group(1))) {
                    throw new CryptoFailure("the keystore holds more than one KEK");
                }
                Key key = store.getKey(alias, password);
                if (!(key instanceof SecretKey secret) || !"AES".equalsIgnoreCase(secret.getAlgorithm())) {
                    throw new CryptoFailure("the keystore holds a key that is not AES");
                }
                kek.addVersion(Integer.parseInt(matcher.group(2)), Jca.aesKey(secret.getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("the keystore cannot be read");
        }
        if (kek == null) {
            throw new CryptoFailure("the keystore holds no KEK");
        }
        return kek;
    }

    private static KeyStore load(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("BCFKS", BouncyCastle.provider());
            if (file == null) {
                store.load(null, null);
                return store;
            }
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new CryptoFailure("the keystore cannot be opened (missing file or wrong password)");
        }
    }

    @Override
    protected void persist(int version, SecretKey key) {
        KeyStore store = load(Files.exists(file) ? file : null, password);
        try {
            store.setEntry(
                    id() + ".v" + version, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(
                    directory,
                    ".kek",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.store(out, password);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new CryptoFailure("the keystore cannot be written");
        }
    }
}
