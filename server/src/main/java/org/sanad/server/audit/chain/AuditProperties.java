package org.sanad.server.audit.chain;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The audit chain's settings.
 *
 * @param signingKey the file holding the checkpoint signing key, wrapped by the KEK
 * @param appendInterval how often the single writer appends pending entries
 * @param commitLag how old a commit must be before its entries are chained (a transaction's
 *     commit timestamp is taken a moment before it becomes visible to others)
 * @param checkpointInterval how often a checkpoint is signed while the chain grows
 */
@Validated
@ConfigurationProperties("sanad.audit")
record AuditProperties(
        @NotNull Path signingKey,
        @NotNull Duration appendInterval,
        @NotNull Duration commitLag,
        @NotNull Duration checkpointInterval) {}
