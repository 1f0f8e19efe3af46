package org.sanad.server.encryption;

import java.nio.file.Files;
import org.sanad.crypto.KeyEncryptionKey;
import org.sanad.crypto.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

    @Bean
    KeyEncryptionKey keyEncryptionKey(EncryptionProperties properties) {
        if (!Files.isRegularFile(properties.keystore())) {
            throw new IllegalStateException("no KEK keystore at " + properties.keystore()
                    + ": create one with the command in the README (sanad-kek create)");
        }
        return KeyEncryptionKey.openBcfksFromEnvironment(properties.keystore());
    }

    @Bean
    Keyring keyring(KeyEncryptionKey kek, JdbcTemplate jdbc, EncryptionProperties properties) {
        var report = Keyring.checkProviders();
        log.info(
                "AES/GCM served by {}, HmacSHA256 by {}, provider #1 is {}",
                report.aesGcm(),
                report.hmacSha256(),
                report.first());
        return Keyring.builder()
                .keyEncryptionKey(kek)
                .repository(new JdbcWrappedKeyRepository(jdbc))
                .cacheTtl(properties.keyCacheTtl())
                .build();
    }
}
