package org.sanad.crypto.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * One unwrapped 256-bit key version and the subkeys derived from it by HKDF-SHA256: a field key
 * per (entity, field), a streaming key for files, an index key per (entity, field, index). The
 * root key itself never encrypts anything.
 */
public final class DataKey {

    /** Derived keys cached per version; more distinct fields than this are derived per call. */
    private static final int MAX_CACHED_SUBKEYS = 512;

    private final int version;
    private final byte[] material;
    private final ConcurrentHashMap<Subkey, SecretKeySpec> subkeys = new ConcurrentHashMap<>();
    private volatile boolean destroyed;

    /** Takes ownership of {@code material} (zeroed by {@link #destroy()}). */
    public DataKey(int version, byte[] material) {
        if (material.length != Jca.KEY_BYTES) {
            throw new IllegalArgumentException("a data key has 32 bytes");
        }
        this.version = version;
        this.material = material;
    }

    public int version() {
        return version;
    }

    /** The AES key that seals (entity, field): HKDF(key, info = ("sanad/field/v1", entity, field)). */
    public SecretKeySpec fieldKey(String entity, String field) {
        Subkey name = new Subkey('f', entity, field, "");
        SecretKeySpec key = subkeys.get(name);
        return key != null ? key : subkey(name, Canonical.tuple("sanad/field/v1", entity, field), "AES");
    }

    /** The key from which per-file keys are derived: HKDF(key, info = ("sanad/stream/v1")). */
    public SecretKeySpec streamKey() {
        return subkey(new Subkey('s', "", "", ""), Canonical.tuple("sanad/stream/v1"), "HKDF");
    }

    /** The HMAC key of one blind index: HKDF(root, info = ("sanad/index/v1", entity, field, index)). */
    public SecretKeySpec indexKey(String entity, String field, String index) {
        return subkey(
                new Subkey('i', entity, field, index),
                Canonical.tuple("sanad/index/v1", entity, field, index),
                Jca.HMAC_SHA256);
    }

    /** The name of a derived key (cheap to hash: the strings cache their hash codes). */
    private record Subkey(char kind, String entity, String field, String index) {}

    private SecretKeySpec subkey(Subkey name, byte[] info, String algorithm) {
        SecretKeySpec key = subkeys.get(name);
        if (key != null) {
            return key;
        }
        synchronized (this) {
            if (destroyed) {
                throw new KeyDestroyed();
            }
            byte[] bytes = Hkdf.derive(material, null, info, Jca.KEY_BYTES);
            key = new SecretKeySpec(bytes, algorithm);
            Arrays.fill(bytes, (byte) 0);
            if (subkeys.size() < MAX_CACHED_SUBKEYS) {
                subkeys.put(name, key);
            }
            return key;
        }
    }

    /** Zeroes the key material and forgets the derived keys (best effort: see SecretBytes). */
    public synchronized void destroy() {
        destroyed = true;
        Arrays.fill(material, (byte) 0);
        subkeys.clear();
    }

    @Override
    public String toString() {
        return "DataKey[v" + version + ", redacted]";
    }

    /** Thrown when a key was evicted and zeroed while in use; the caller reloads and retries. */
    public static final class KeyDestroyed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyDestroyed() {
            super("key destroyed", null, false, false);
        }
    }
}
