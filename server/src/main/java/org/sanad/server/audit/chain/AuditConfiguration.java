package org.sanad.server.audit.chain;

import org.sanad.crypto.KeyEncryptionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    AuditSigningKey auditSigningKey(AuditProperties properties, KeyEncryptionKey kek, JdbcTemplate jdbc) {
        // The chain takes entries in commit order from commit timestamps.
        String tracked = jdbc.queryForObject(
                "select setting from pg_settings where name = 'track_commit_timestamp'", String.class);
        if (!"on".equals(tracked)) {
            throw new IllegalStateException("PostgreSQL must run with track_commit_timestamp = on for the audit chain");
        }
        AuditSigningKey key = AuditSigningKey.loadOrCreate(properties.signingKey(), kek);
        log.info("audit checkpoints are signed with Ed25519 key {}", key.keyId());
        return key;
    }
}
