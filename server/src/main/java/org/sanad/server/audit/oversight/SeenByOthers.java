package org.sanad.server.audit.oversight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Role;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.sanad.server.common.PageOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who has seen my file": the access-log entries about a defender's own records, made by anyone
 * but the defender. Staff are shown by organisation, role and pseudonymous code only. Reading it
 * is itself logged.
 */
@Service
class SeenByOthers {

    static final String PURPOSE = "self";

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;

    SeenByOthers(JdbcTemplate jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /**
     * One time someone opened one of the defender's records.
     *
     * @param at when
     * @param organisation the organisation the person acted for
     * @param role their role (SUPERVISOR, CASEWORKER, ADMIN), null if unknown
     * @param staffCode their pseudonymous code, null if unknown
     * @param action READ, HISTORY, BREAK_GLASS, ERASURE, ...
     * @param recordType which kind of record ({@code defender}, {@code incident}, {@code case-file}, ...)
     * @param recordId which record (one of the defender's own)
     * @param purpose why (casework, referral, break-glass, ...)
     */
    record Seen(
            Instant at,
            String organisation,
            String role,
            String staffCode,
            String action,
            String recordType,
            UUID recordId,
            String purpose) {}

    @Transactional
    PageOf<Seen> of(Caller caller, int page, int size) {
        if (!caller.has(Role.DEFENDER)) {
            return PageOf.empty(page, size);
        }
        String subject = caller.subject().value();
        List<UUID> self = jdbc.queryForList(
                "select id from defenders where keycloak_subject = ? and erased_at is null", UUID.class, subject);
        if (self.isEmpty()) {
            return PageOf.empty(page, size);
        }
        String joins = " from access_log l"
                + " join defender_records r on r.record_type = l.record_type and r.record_id = l.record_id";
        String where = " where r.subject = ? and l.actor <> ?";
        Long total = jdbc.queryForObject("select count(*)" + joins + where, Long.class, subject, subject);
        List<Seen> items = jdbc.query(
                "select l.at, l.organisation, s.role, s.code, l.action, l.record_type, l.record_id, l.purpose"
                        + joins
                        + " left join staff_codes s on s.subject = l.actor"
                        + where
                        + " order by l.at desc, l.id desc limit ? offset ?",
                (rs, n) -> new Seen(
                        rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("organisation"),
                        rs.getString("role"),
                        rs.getString("code"),
                        rs.getString("action"),
                        rs.getString("record_type"),
                        rs.getObject("record_id", UUID.class),
                        rs.getString("purpose")),
                subject,
                subject,
                size,
                (long) page * size);
        accessLog.record(
                caller, new AccessEvent(AccessEvent.Action.AUDIT, "access-log", self.getFirst(), List.of(), PURPOSE));
        return new PageOf<>(items, page, size, total == null ? 0 : total);
    }
}
