package org.sanad.server.defenders;

import java.util.Set;
import java.util.UUID;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.Subject;
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
        for (Subject subject : change.staff()) {
            jdbc.sql("insert into defender_work (record_id, subject, defender_id, ongoing) values (?, ?, ?, ?)")
                    .params(
                            change.recordId(),
                            subject.value(),
                            change.defenderId().value(),
                            change.ongoing())
                    .update();
        }
    }

    boolean worksWith(Subject subject, DefenderId defenderId) {
        return jdbc.sql("select exists (select 1 from defender_work where defender_id = ? and subject = ? and ongoing)")
                .params(defenderId.value(), subject.value())
                .query(Boolean.class)
                .single();
    }

    Set<Subject> staffOn(UUID recordId) {
        return jdbc
                .sql("select subject from defender_work where record_id = ?")
                .param(recordId)
                .query(String.class)
                .list()
                .stream()
                .map(Subject::new)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
