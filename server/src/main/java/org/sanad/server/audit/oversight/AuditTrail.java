package org.sanad.server.audit.oversight;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.sanad.server.common.PageOf;
import org.sanad.server.web.ProblemException.Forbidden;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What supervisors read about their organisation: its access log and its revisions. Every query
 * is limited to the caller's organisation in SQL (see {@link AuditController} for what that means
 * across organisations) and is itself recorded in the access log, in the same transaction.
 */
@Service
class AuditTrail {

    static final String PURPOSE = "supervision";

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;

    AuditTrail(JdbcTemplate jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /** A half-open time range [from, to); either end may be open. */
    record TimeRange(Instant from, Instant to) {

        static final TimeRange ALL = new TimeRange(null, null);

        boolean isValid() {
            return from == null || to == null || from.isBefore(to);
        }
    }

    /**
     * One access-log entry as a supervisor sees it.
     *
     * @param at when
     * @param actor who (token subject); null when the actor belongs to another organisation
     * @param actorOrganisation the organisation the actor acted for
     * @param action READ, SEARCH, HISTORY, ...
     * @param recordType the record's type, or what was searched or audited
     * @param recordId the record, null for searches and organisation-wide queries
     * @param fields names of the fields disclosed (never values)
     * @param purpose why
     * @param requestId the request that made the entry
     */
    record AccessEntry(
            Instant at,
            String actor,
            String actorOrganisation,
            String action,
            String recordType,
            UUID recordId,
            List<String> fields,
            String purpose,
            String requestId) {}

    /** A record an Envers revision changed. */
    record RevisedRecord(String type, UUID id) {}

    /**
     * One Envers revision made by someone of the organisation.
     *
     * @param revision the revision number
     * @param at when it was committed
     * @param subject who made it (token subject)
     * @param clientId the client they used ({@code azp})
     * @param requestId the request that made it
     * @param purpose why, when stated (break-glass)
     * @param records the records it changed
     */
    record RevisionEntry(
            long revision,
            Instant at,
            String subject,
            String clientId,
            String requestId,
            String purpose,
            List<RevisedRecord> records) {}

    /**
     * Entries about one record: those of the caller's organisation, and, if the caller's
     * organisation owns the record, those of other organisations too (their actors withheld).
     */
    @Transactional
    PageOf<AccessEntry> accessTo(Caller caller, UUID record, TimeRange range, int page, int size) {
        String organisation = supervisor(caller).organisation().value();
        var where = new StringBuilder(
                """
                l.record_id = ? and (l.organisation = ? or exists (
                    select 1 from audited_records r
                     where r.record_type = l.record_type and r.record_id = l.record_id and r.organisation = ?))
                """);
        List<Object> args = new ArrayList<>(List.of(record, organisation, organisation));
        PageOf<AccessEntry> result = access(organisation, where, args, range, page, size);
        audit(caller, "access-log", record, "record", range);
        return result;
    }

    /** Entries of one actor of the caller's organisation (none for an actor of another). */
    @Transactional
    PageOf<AccessEntry> accessBy(Caller caller, String actor, TimeRange range, int page, int size) {
        String organisation = supervisor(caller).organisation().value();
        var where = new StringBuilder("l.organisation = ? and l.actor = ?");
        List<Object> args = new ArrayList<>(List.of(organisation, actor));
        PageOf<AccessEntry> result = access(organisation, where, args, range, page, size);
        audit(caller, "access-log", null, "actor", range);
        return result;
    }

    /** The revisions made by the caller's organisation, newest first, with the records each changed. */
    @Transactional
    PageOf<RevisionEntry> revisions(Caller caller, TimeRange range, int page, int size) {
        String organisation = supervisor(caller).organisation().value();
        var where = new StringBuilder("organisation = ?");
        List<Object> args = new ArrayList<>(List.of(organisation));
        if (range.from() != null) {
            where.append(" and at_millis >= ?");
            args.add(range.from().toEpochMilli());
        }
        if (range.to() != null) {
            where.append(" and at_millis < ?");
            args.add(range.to().toEpochMilli());
        }
        long total = jdbc.queryForObject("select count(*) from revisions where " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        record Row(long id, Instant at, String subject, String clientId, String requestId, String purpose) {}
        List<Row> rows = jdbc.query(
                "select id, at_millis, subject, client_id, request_id, purpose from revisions where " + where
                        + " order by at_millis desc, id desc limit ? offset ?",
                (rs, n) -> new Row(
                        rs.getLong("id"),
                        Instant.ofEpochMilli(rs.getLong("at_millis")),
                        rs.getString("subject"),
                        rs.getString("client_id"),
                        rs.getString("request_id"),
                        rs.getString("purpose")),
                pageArgs.toArray());
        Map<Long, List<RevisedRecord>> records =
                revisedRecords(rows.stream().map(Row::id).toArray(Long[]::new));
        List<RevisionEntry> entries = rows.stream()
                .map(r -> new RevisionEntry(
                        r.id(),
                        r.at(),
                        r.subject(),
                        r.clientId(),
                        r.requestId(),
                        r.purpose(),
                        records.getOrDefault(r.id(), List.of())))
                .toList();
        audit(caller, "revisions", null, null, range);
        return new PageOf<>(entries, page, size, total);
    }

    private PageOf<AccessEntry> access(
            String organisation, StringBuilder where, List<Object> args, TimeRange range, int page, int size) {
        if (range.from() != null) {
            where.append(" and l.at >= ?");
            args.add(timestamp(range.from()));
        }
        if (range.to() != null) {
            where.append(" and l.at < ?");
            args.add(timestamp(range.to()));
        }
        long total =
                jdbc.queryForObject("select count(*) from access_log l where " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>();
        pageArgs.add(organisation);
        pageArgs.addAll(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AccessEntry> entries = jdbc.query(
                """
                select l.at, case when l.organisation = ? then l.actor end as actor, l.organisation, l.action,
                       l.record_type, l.record_id, l.fields, l.purpose, l.request_id
                  from access_log l
                 where %s
                 order by l.at desc, l.id desc
                 limit ? offset ?
                """
                        .formatted(where),
                (rs, n) -> new AccessEntry(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("organisation"),
                        rs.getString("action"),
                        rs.getString("record_type"),
                        rs.getObject("record_id", UUID.class),
                        strings(rs, "fields"),
                        rs.getString("purpose"),
                        rs.getString("request_id")),
                pageArgs.toArray());
        return new PageOf<>(entries, page, size, total);
    }

    private Map<Long, List<RevisedRecord>> revisedRecords(Long[] revisions) {
        Map<Long, List<RevisedRecord>> records = new HashMap<>();
        if (revisions.length == 0) {
            return records;
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "select rev, record_type, record_id from revised_records where rev = any(?)"
                                    + " order by rev, record_type, record_id");
                    statement.setArray(1, connection.createArrayOf("bigint", revisions));
                    return statement;
                },
                rs -> {
                    records.computeIfAbsent(rs.getLong("rev"), k -> new ArrayList<>())
                            .add(new RevisedRecord(rs.getString("record_type"), rs.getObject("record_id", UUID.class)));
                });
        return records;
    }

    /** Records the audit read itself: what was audited and which parameters were given (names only). */
    private void audit(Caller caller, String recordType, UUID record, String selector, TimeRange range) {
        List<String> parameters = new ArrayList<>();
        if (selector != null) {
            parameters.add(selector);
        }
        if (range.from() != null) {
            parameters.add("from");
        }
        if (range.to() != null) {
            parameters.add("to");
        }
        accessLog.record(caller, new AccessEvent(AccessEvent.Action.AUDIT, recordType, record, parameters, PURPOSE));
    }

    /** The caller, who must be a supervisor (the security filter chain checks this first). */
    static Caller supervisor(Caller caller) {
        if (!NeedToKnow.isSupervisorOf(caller, caller.organisation())) {
            throw new Forbidden();
        }
        return caller;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
