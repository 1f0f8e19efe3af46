package org.sanad.crypto.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance, passed explicitly where BouncyCastle is needed (the
 * BCFKS keystore) and never registered with {@code java.security.Security}: registered first it
 * would silently serve AES/GCM to every caller that names no provider.
 */
public final class BouncyCastle {

    private static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}

    public static Provider provider() {
        return PROVIDER;
    }
}
