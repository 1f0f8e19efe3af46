package org.sanad.server.defenders;

import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works with which defender, through which record: kept from {@link DefenderWorkChanged} in
 * the transaction of the change, and read by the profile's need-to-know decision.
 */
@Component
class DefenderWork {

    private final JdbcClient jdbc;

    DefenderWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DefenderWorkChanged change) {
        jdbc.sql("delete from defender_work where record_id = ?")
                .param(change.recordId())
                .update();
        for (String subject : change.staff()) {
            jdbc.sql("insert into defender_work (record_id, subject, defender_id, ongoing) values (?, ?, ?, ?)")
                    .params(change.recordId(), subject, change.defenderId(), change.ongoing())
                    .update();
        }
    }

    boolean worksWith(String subject, UUID defenderId) {
        return jdbc.sql("select exists (select 1 from defender_work where defender_id = ? and subject = ? and ongoing)")
                .params(defenderId, subject)
                .query(Boolean.class)
                .single();
    }

    Set<String> staffOn(UUID recordId) {
        return Set.copyOf(jdbc.sql("select subject from defender_work where record_id = ?")
                .param(recordId)
                .query(String.class)
                .list());
    }
}
