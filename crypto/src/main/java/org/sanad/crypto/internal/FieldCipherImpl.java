package org.sanad.crypto.internal;

import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.EncryptionContext;
import org.sanad.crypto.FieldCipher;
import org.sanad.crypto.WrappedKeyRepository.Purpose;

/** {@link FieldCipher} over the key hierarchy: format v1 of SealedFormat. */
public final class FieldCipherImpl implements FieldCipher {

    private final KeyHierarchy keys;

    public FieldCipherImpl(KeyHierarchy keys) {
        this.keys = keys;
    }

    @Override
    public byte[] seal(byte[] plaintext, EncryptionContext context) {
        return keys.withKeys(Purpose.DATA, context.organisation(), context.defenderId(), keySet -> {
            DataKey primary = keySet == null ? null : keySet.primary();
            if (primary == null) {
                throw new CryptoFailure("the defender has no data key");
            }
            return SealedFormat.seal(
                    Jca.gcm(),
                    primary.fieldKey(context.entity(), context.field()),
                    primary.version(),
                    Jca.randomBytes(Jca.NONCE_BYTES),
                    plaintext,
                    Canonical.context(context));
        });
    }

    @Override
    public byte[] open(byte[] sealed, EncryptionContext context) {
        int keyId = SealedFormat.keyId(sealed);
        try {
            return keys.withKeys(Purpose.DATA, context.organisation(), context.defenderId(), keySet -> {
                DataKey key = keySet == null ? null : keySet.forOpening(keyId);
                if (key == null) {
                    throw CryptoFailure.cannotOpen();
                }
                return SealedFormat.open(
                        Jca.gcm(), key.fieldKey(context.entity(), context.field()), sealed, Canonical.context(context));
            });
        } catch (CryptoFailure anyFailure) {
            throw anyFailure.getMessage().equals(CryptoFailure.CANNOT_OPEN) ? anyFailure : CryptoFailure.cannotOpen();
        }
    }

    /** The key version that sealed a value, or -1 if the value is malformed. */
    public static int keyVersion(byte[] sealed) {
        try {
            return SealedFormat.keyId(sealed);
        } catch (CryptoFailure malformed) {
            return -1;
        }
    }
}
