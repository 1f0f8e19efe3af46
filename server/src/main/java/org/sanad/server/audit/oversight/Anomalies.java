package org.sanad.server.audit.oversight;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sanad.server.access.Caller;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.sanad.server.web.ProblemException.BadRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anomaly flags, computed on read from the access log of the caller's organisation (its actors'
 * entries, whatever record they touched). First version, two flags:
 *
 * <ul>
 *   <li>{@code MANY_DEFENDERS}: within a sliding window, the content of more than N distinct
 *       defenders was disclosed to one actor. Every READ entry that disclosed at least one field
 *       counts, resolved to its defender whatever the record type (a defender, one of their
 *       incidents, case files, notes, or a referral about them, received or sent); responses to
 *       the actor's own writes count too, since they disclose content just the same. One flag
 *       per uninterrupted run of windows above the threshold.
 *   <li>{@code OUTSIDE_WORKING_HOURS}: staff access (any action but a lockdown, which is an
 *       emergency measure) outside the working hours or days. Defenders' own accounts are not
 *       flagged. One flag per actor and local day.
 * </ul>
 *
 * Flags are prompts for a supervisor's judgement, not verdicts: they say who and when, and the
 * access log ({@code /api/audit/access?actor=}) says what.
 */
@Service
class Anomalies {

    /** The kinds of flag. */
    enum Kind {
        MANY_DEFENDERS,
        OUTSIDE_WORKING_HOURS
    }

    /**
     * One anomaly.
     *
     * @param kind what was unusual
     * @param actor who (token subject, of the caller's organisation)
     * @param firstAt the first entry involved
     * @param lastAt the last entry involved
     * @param entries how many access-log entries are involved
     * @param distinctDefenders for {@code MANY_DEFENDERS}, the most distinct defenders in one window
     */
    record Flag(Kind kind, String actor, Instant firstAt, Instant lastAt, long entries, Integer distinctDefenders) {}

    /** The thresholds in force, so that a reader knows what was not flagged. */
    record Thresholds(
            int distinctDefenders,
            Duration window,
            LocalTime workingHoursStart,
            LocalTime workingHoursEnd,
            List<DayOfWeek> workingDays,
            String zone) {}

    /** The flags of one time range [from, to), ordered by their first entry. */
    record Report(Instant from, Instant to, Thresholds thresholds, List<Flag> flags) {}

    private static final Duration DEFAULT_RANGE = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final AnomalyProperties properties;
    private final Clock clock;

    Anomalies(JdbcTemplate jdbc, AccessLog accessLog, AnomalyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The flags of the caller's organisation in [from, to); {@code to} defaults to now and
     * {@code from} to a day before {@code to}.
     */
    @Transactional
    Report report(Caller caller, Instant from, Instant to) {
        String organisation = AuditTrail.supervisor(caller).organisation().value();
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(DEFAULT_RANGE);
        if (!start.isBefore(end)) {
            throw new BadRequest("time-range", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(properties.maxRange()) > 0) {
            throw new BadRequest("time-range-too-long", "The time range is longer than allowed");
        }
        List<Flag> flags = new ArrayList<>(manyDefenders(organisation, start, end));
        flags.addAll(outsideWorkingHours(organisation, start, end));
        flags.sort(Comparator.comparing(Flag::firstAt).thenComparing(Flag::actor));
        List<String> parameters = new ArrayList<>();
        if (from != null) {
            parameters.add("from");
        }
        if (to != null) {
            parameters.add("to");
        }
        accessLog.record(
                caller, new AccessEvent(AccessEvent.Action.AUDIT, "anomalies", null, parameters, AuditTrail.PURPOSE));
        return new Report(start, end, thresholds(), List.copyOf(flags));
    }

    private Thresholds thresholds() {
        return new Thresholds(
                properties.distinctDefenders(),
                properties.window(),
                properties.workingHoursStart(),
                properties.workingHoursEnd(),
                properties.workingDays().stream().sorted().toList(),
                properties.zone().getId());
    }

    private record Disclosure(String actor, Instant at, UUID defender) {}

    /**
     * Slides a window over each actor's disclosures. Entries from one window before {@code start}
     * are read too, so that a window ending inside the range is counted in full; only windows
     * ending inside the range raise flags.
     */
    private List<Flag> manyDefenders(String organisation, Instant start, Instant end) {
        Duration window = properties.window();
        int threshold = properties.distinctDefenders();
        List<Disclosure> disclosures = jdbc.query(
                """
                select l.actor, l.at, r.defender_id
                  from access_log l
                  join audited_records r on r.record_type = l.record_type and r.record_id = l.record_id
                 where l.organisation = ? and l.action = 'READ' and cardinality(l.fields) > 0
                   and l.at >= ? and l.at < ?
                 order by l.actor, l.at, l.id
                """,
                (rs, n) -> new Disclosure(
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getObject("defender_id", UUID.class)),
                organisation,
                AuditTrail.timestamp(start.minus(window)),
                AuditTrail.timestamp(end));
        List<Flag> flags = new ArrayList<>();
        Map<String, List<Disclosure>> byActor = disclosures.stream()
                .collect(Collectors.groupingBy(Disclosure::actor, java.util.LinkedHashMap::new, Collectors.toList()));
        for (var actor : byActor.entrySet()) {
            Deque<Disclosure> inWindow = new ArrayDeque<>();
            Map<UUID, Integer> counts = new HashMap<>();
            Flag open = null;
            for (Disclosure disclosure : actor.getValue()) {
                inWindow.addLast(disclosure);
                counts.merge(disclosure.defender(), 1, Integer::sum);
                // The window is (at - window, at].
                while (!inWindow.getFirst().at().isAfter(disclosure.at().minus(window))) {
                    Disclosure old = inWindow.removeFirst();
                    counts.computeIfPresent(old.defender(), (k, v) -> v == 1 ? null : v - 1);
                }
                boolean above = counts.size() > threshold && !disclosure.at().isBefore(start);
                if (above && open == null) {
                    open = new Flag(
                            Kind.MANY_DEFENDERS,
                            actor.getKey(),
                            inWindow.getFirst().at(),
                            disclosure.at(),
                            inWindow.size(),
                            counts.size());
                } else if (above) {
                    long involved = open.entries() + 1;
                    open = new Flag(
                            Kind.MANY_DEFENDERS,
                            open.actor(),
                            open.firstAt(),
                            disclosure.at(),
                            involved,
                            Math.max(Objects.requireNonNull(open.distinctDefenders()), counts.size()));
                } else if (open != null) {
                    flags.add(open);
                    open = null;
                }
            }
            if (open != null) {
                flags.add(open);
            }
        }
        return flags;
    }

    /**
     * Staff access outside working hours, per actor and local day. The local time is computed by
     * PostgreSQL in the configured zone; days are ISO day numbers (Monday 1 to Sunday 7) taken
     * from the configuration's enum, never from input.
     */
    private List<Flag> outsideWorkingHours(String organisation, Instant start, Instant end) {
        String zone = properties.zone().getId();
        String workingDays = properties.workingDays().stream()
                .map(day -> Integer.toString(day.getValue()))
                .sorted()
                .collect(Collectors.joining(", "));
        return jdbc.query(
                """
                select l.actor, (l.at at time zone ?)::date as day, min(l.at) as first_at, max(l.at) as last_at,
                       count(*) as entries
                  from access_log l
                 where l.organisation = ? and l.at >= ? and l.at < ? and l.action <> 'LOCKDOWN'
                   and not exists (select 1 from defender_accounts d where d.subject = l.actor)
                   and ((l.at at time zone ?)::time < ? or (l.at at time zone ?)::time >= ?
                        or extract(isodow from l.at at time zone ?)::int not in (%s))
                 group by l.actor, day
                 order by first_at, l.actor
                """
                        .formatted(workingDays),
                (rs, n) -> new Flag(
                        Kind.OUTSIDE_WORKING_HOURS,
                        rs.getString("actor"),
                        rs.getObject("first_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("entries"),
                        null),
                zone,
                organisation,
                AuditTrail.timestamp(start),
                AuditTrail.timestamp(end),
                zone,
                properties.workingHoursStart(),
                zone,
                properties.workingHoursEnd(),
                zone);
    }
}
