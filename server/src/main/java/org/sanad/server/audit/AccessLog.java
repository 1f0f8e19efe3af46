package org.sanad.server.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Role;
import org.sanad.server.web.RequestIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every disclosure of content. It must run inside the transaction that produces the
 * response: if the entry cannot be written, that transaction fails and no plaintext leaves.
 */
@Service
public class AccessLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /**
     * Staff known to have a code, so that only a staff member's first logged read in this process
     * touches {@code staff_codes}; one entry per staff member.
     */
    private final Set<String> coded = ConcurrentHashMap.newKeySet();

    AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an access by the caller of the request. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Caller caller, AccessEvent event) {
        recordAs(caller.subject().value(), caller.organisation().value(), event);
        staffRole(caller).ifPresent(role -> codeFor(caller.subject().value(), role));
    }

    private static java.util.Optional<Role> staffRole(Caller caller) {
        for (Role role : List.of(Role.SUPERVISOR, Role.CASEWORKER, Role.ADMIN)) {
            if (caller.has(role)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Gives a staff member their pseudonymous code the first time one of their accesses is logged.
     * A code already taken by someone else leaves them without one until their next access, never
     * a failed request.
     */
    private void codeFor(String subject, Role role) {
        if (coded.contains(subject)) {
            return;
        }
        int inserted = jdbc.update(
                "insert into staff_codes (subject, code, role) values (?, ?, ?) on conflict do nothing",
                subject,
                StaffCodes.next(),
                role.name());
        boolean hasCode = inserted == 1
                || Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from staff_codes where subject = ?)", Boolean.class, subject));
        if (!hasCode) {
            return;
        }
        // Remembered only once committed: a rolled-back read must not leave its actor codeless.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                coded.add(subject);
            }
        });
    }

    /** Records an access on behalf of a named actor (events raised outside a request thread's caller). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String organisation, AccessEvent event) {
        jdbc.update(
                """
                insert into access_log (at, actor, organisation, action, record_type, record_id, fields, purpose, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                Timestamp.from(clock.instant()),
                actor,
                organisation,
                event.action().name(),
                event.recordType(),
                event.recordId(),
                event.fields().toArray(String[]::new),
                event.purpose(),
                RequestIds.current().orElse(null));
    }
}
