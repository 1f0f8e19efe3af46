package org.sanad.crypto.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.KeyEncryptionKey;
import org.sanad.crypto.SecretBytes;

/**
 * A KEK made of AES-256 keys held in this process, one per version. Wrapping is AES-256-GCM
 * (SunJCE) with a random nonce: {@code nonce(12) | ciphertext | tag(16)}, with associated data
 * {@code ("sanad/kek/v1", id, version)} followed by the caller's associated data. The keys stay in
 * memory for the life of the process: that is the limit of a software KEK, which a KMS or HSM
 * implementation of {@link KeyEncryptionKey} removes.
 */
public class AesGcmKeyEncryptionKey implements KeyEncryptionKey {

    private final String id;
    private final Map<Integer, SecretKey> versions = new ConcurrentHashMap<>();
    private volatile int primary;

    protected AesGcmKeyEncryptionKey(String id) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("a KEK id is lower-case letters, digits and dashes");
        }
        this.id = id;
    }

    /** A KEK that lives only in memory, with one random version: for tests. */
    public static AesGcmKeyEncryptionKey inMemory(String id) {
        AesGcmKeyEncryptionKey kek = new AesGcmKeyEncryptionKey(id);
        kek.rotate();
        return kek;
    }

    protected final void addVersion(int version, SecretKey key) {
        versions.put(version, key);
        primary = Math.max(primary, version);
    }

    protected final int nextVersion() {
        return primary + 1;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int primaryVersion() {
        if (primary == 0) {
            throw new CryptoFailure("the key-encryption key has no version");
        }
        return primary;
    }

    @Override
    public int rotate() {
        synchronized (this) {
            int version = nextVersion();
            byte[] bytes = Jca.randomBytes(Jca.KEY_BYTES);
            SecretKey key = Jca.aesKey(bytes);
            Arrays.fill(bytes, (byte) 0);
            persist(version, key);
            addVersion(version, key);
            return version;
        }
    }

    /** Stores a new version durably before it is used; nothing to do in memory. */
    protected void persist(int version, SecretKey key) {}

    @Override
    public byte[] wrap(int version, SecretBytes dataKey, byte[] associatedData) {
        SecretKey key = versions.get(version);
        if (key == null) {
            throw new CryptoFailure("unknown key-encryption key version");
        }
        byte[] nonce = Jca.randomBytes(Jca.NONCE_BYTES);
        byte[] plaintext = dataKey.toByteArray();
        try {
            Cipher cipher = Jca.gcm();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(Jca.TAG_BITS, nonce));
            cipher.updateAAD(aad(version, associatedData));
            byte[] out = new byte[Jca.NONCE_BYTES + plaintext.length + Jca.TAG_BYTES];
            System.arraycopy(nonce, 0, out, 0, Jca.NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, Jca.NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("the data key cannot be wrapped");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public SecretBytes unwrap(int version, byte[] wrapped, byte[] associatedData) {
        SecretKey key = versions.get(version);
        if (key == null || wrapped.length < Jca.NONCE_BYTES + Jca.TAG_BYTES + 1) {
            throw new CryptoFailure("the data key cannot be unwrapped");
        }
        byte[] plaintext = null;
        try {
            Cipher cipher = Jca.gcm();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(Jca.TAG_BITS, wrapped, 0, Jca.NONCE_BYTES));
            cipher.updateAAD(aad(version, associatedData));
            plaintext = cipher.doFinal(wrapped, Jca.NONCE_BYTES, wrapped.length - Jca.NONCE_BYTES);
            return SecretBytes.copyOf(plaintext);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new CryptoFailure("the data key cannot be unwrapped");
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private byte[] aad(int version, byte[] associatedData) {
        return Canonical.concat(Canonical.tuple("sanad/kek/v1", id, Integer.toString(version)), associatedData);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + " v" + primary + ", redacted]";
    }
}
