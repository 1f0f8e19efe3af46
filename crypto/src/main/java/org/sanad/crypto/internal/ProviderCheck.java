package org.sanad.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.Keyring;

/** Which providers this JVM would use for AES/GCM and HmacSHA256 when none is named. */
public final class ProviderCheck {

    private ProviderCheck() {}

    /** Reports the providers and fails if they are not the intended ones. */
    public static Keyring.ProviderReport check() {
        Keyring.ProviderReport report = report();
        if (!report.acceptable()) {
            throw new CryptoFailure("the JCA provider order is unsafe: AES/GCM and HmacSHA256 must come from SunJCE"
                    + " and BouncyCastle must not be provider number 1");
        }
        return report;
    }

    /** Reports the providers without judging. */
    public static Keyring.ProviderReport report() {
        Provider[] providers = Security.getProviders();
        String first = providers.length == 0 ? "none" : providers[0].getName();
        int bcPosition = 0;
        for (int i = 0; i < providers.length; i++) {
            if (providers[i].getName().startsWith("BC")) {
                bcPosition = i + 1;
                break;
            }
        }
        String gcm;
        String hmac;
        try {
            gcm = Cipher.getInstance(Jca.AES_GCM).getProvider().getName();
        } catch (GeneralSecurityException e) {
            gcm = "none";
        }
        try {
            Mac mac = Mac.getInstance(Jca.HMAC_SHA256);
            mac.init(Jca.aesKey(new byte[Jca.KEY_BYTES]));
            hmac = mac.getProvider().getName();
        } catch (GeneralSecurityException e) {
            hmac = "none";
        }
        String named =
                Arrays.stream(providers).anyMatch(p -> p.getName().equals(Jca.PROVIDER)) ? Jca.PROVIDER : "missing";
        return new Keyring.ProviderReport(gcm, hmac, first, bcPosition, named);
    }
}
