package org.sanad.server.encryption;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the key-encryption key lives. Its password is never configuration: it comes from the
 * environment variable {@code SANAD_KEK_PASSWORD}.
 *
 * @param keystore the BCFKS keystore holding the KEK
 * @param keyCacheTtl how long an unwrapped data key stays in memory
 */
@Validated
@ConfigurationProperties("sanad.encryption")
record EncryptionProperties(@NotNull Path keystore, @NotNull Duration keyCacheTtl) {}
