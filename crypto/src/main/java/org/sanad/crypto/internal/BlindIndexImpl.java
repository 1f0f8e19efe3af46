package org.sanad.crypto.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sanad.crypto.BlindIndex;
import org.sanad.crypto.CryptoFailure;

/** HMAC-SHA256 blind index with a per-thread {@code Mac} initialised once with the index key. */
public final class BlindIndexImpl implements BlindIndex {

    private final Normalization normalization;
    private final int bits;
    private final ThreadLocal<Mac> mac;

    public BlindIndexImpl(SecretKeySpec key, Normalization normalization, int bits) {
        if (bits < 1 || bits > 256) {
            throw new IllegalArgumentException("a blind index has 1 to 256 bits");
        }
        this.normalization = normalization;
        this.bits = bits;
        this.mac = ThreadLocal.withInitial(() -> {
            Mac instance = Jca.newHmac();
            try {
                instance.init(key);
            } catch (InvalidKeyException e) {
                throw new CryptoFailure("the index key was rejected");
            }
            return instance;
        });
    }

    @Override
    public byte[] compute(String value) {
        byte[] full = mac.get().doFinal(normalize(value).getBytes(StandardCharsets.UTF_8));
        byte[] index = Arrays.copyOf(full, (bits + 7) / 8);
        int unused = index.length * 8 - bits;
        index[index.length - 1] &= (byte) (0xFF << unused);
        return index;
    }

    @Override
    public String normalize(String value) {
        return normalization.apply(value);
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public String toString() {
        return "BlindIndex[" + normalization + ", " + bits + " bits, redacted]";
    }
}
