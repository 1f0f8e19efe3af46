package org.sanad.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.sanad.crypto.internal.AesGcmKeyEncryptionKey;
import org.sanad.crypto.internal.Jca;

class ProviderCheckTests {

    @Test
    void reportNamesSunJceForAesGcmAndHmacOnAStandardJvm() {
        Keyring.ProviderReport report = Keyring.checkProviders();

        assertThat(report.aesGcm()).isEqualTo("SunJCE");
        assertThat(report.hmacSha256()).isEqualTo("SunJCE");
        assertThat(report.bouncyCastlePosition()).isNotEqualTo(1);
        assertThat(report.acceptable()).isTrue();
    }

    @Test
    void bouncyCastleAsProviderNumberOneFailsTheCheckAndTheKeyringRefusesToStart() {
        withBouncyCastleAt(1, () -> {
            assertThatThrownBy(Keyring::checkProviders).isInstanceOf(CryptoFailure.class);
            assertThatThrownBy(() -> Keyring.builder()
                            .keyEncryptionKey(AesGcmKeyEncryptionKey.inMemory("test-kek"))
                            .repository(WrappedKeyRepository.inMemory())
                            .build())
                    .isInstanceOf(CryptoFailure.class);
            assertThat(org.sanad.crypto.internal.ProviderCheck.report().aesGcm())
                    .isEqualTo("BC");
        });
    }

    @Test
    void bouncyCastleLastInTheListPassesTheCheck() {
        withBouncyCastleAt(
                Security.getProviders().length + 1,
                () -> assertThat(Keyring.checkProviders().acceptable()).isTrue());
    }

    @Test
    void theLibraryNamesSunJceEvenWhenBouncyCastleIsFirst() {
        withBouncyCastleAt(1, () -> {
            assertThat(Jca.newGcm().getProvider().getName()).isEqualTo("SunJCE");
            assertThat(Jca.newHmac().getProvider().getName()).isEqualTo("SunJCE");
        });
    }

    private static void withBouncyCastleAt(int position, Runnable check) {
        Provider bc = new BouncyCastleProvider();
        Security.insertProviderAt(bc, position);
        try {
            check.run();
        } finally {
            Security.removeProvider(bc.getName());
        }
    }
}
