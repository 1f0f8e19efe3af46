package org.sanad.server.audit.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the chain writer every {@code sanad.audit.append-interval}. A bean of its own, so that the
 * calls go through {@link AuditChain}'s transactional proxy: the writer's advisory lock and its
 * session settings hold only inside a transaction.
 */
@Component
class AuditChainSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditChainSchedule.class);

    private final AuditChain chain;

    AuditChainSchedule(AuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(fixedDelayString = "${sanad.audit.append-interval}")
    void appendAndCheckpoint() {
        try {
            chain.appendPending();
            chain.checkpointIfDue();
        } catch (RuntimeException e) {
            log.warn("audit chain append failed: {}", e.getClass().getName());
        }
    }
}
