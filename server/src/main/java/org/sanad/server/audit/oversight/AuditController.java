package org.sanad.server.audit.oversight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.common.PageOf;
import org.sanad.server.web.ProblemException.BadRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' view of their organisation's audit trail. Supervisors
 * only (access/ApiAuthorization), newest first, paged, optionally within {@code [from, to)} (ISO
 * instants). Every call is itself recorded in the access log (action {@code AUDIT}, the queried
 * record if any, and the names, never the values, of the parameters given), or fails.
 *
 * <p><b>Who sees which access-log entries.</b> An entry stores the organisation its actor acted
 * for. A supervisor sees:
 *
 * <ul>
 *   <li>{@code ?actor=}: the entries of that actor within the supervisor's own organisation. An
 *       actor of another organisation gives an empty page, as does an unknown one: the query
 *       reveals nothing about other organisations' staff.
 *   <li>{@code ?record=}: the entries of the supervisor's own organisation about that record (who
 *       in my organisation read what), <em>and</em>, when the supervisor's organisation owns the
 *       record, the entries of other organisations about it, with the actor withheld
 *       ({@code actor} null, {@code actorOrganisation} named). Today the only such entries are
 *       a receiving organisation's reads of a referral (logged on the referral, with the shared
 *       fields it disclosed named in {@code fields}): the sending organisation, which owns the
 *       referral and its defender's data, sees when the receiving organisation read which of its
 *       fields, under which request id, but not which of the receiver's staff did; the
 *       receiving organisation's supervisor sees that (their own staff), and the two
 *       supervisors can match an entry by its request id. The receiving supervisor does not see
 *       the sending organisation's own reads of the referral, nor, for any record, audit queries
 *       made by another organisation's supervisors.
 * </ul>
 *
 * An unknown record, a record of another organisation that nobody of the caller's organisation
 * read, and a record without entries all answer the same empty page.
 *
 * <p>{@code /revisions} lists the Envers revisions made by the supervisor's own organisation
 * (including, for the receiving side, its moves of other organisations' referrals), each with the
 * records it changed; values are never listed, per-record detail is at {@code
 * /api/{type}/{id}/history}. {@code /anomalies} lists the anomaly flags of the organisation's own
 * actors (see {@link Anomalies}): for the receiving organisation of a referral, its staff's reads
 * of referred defenders count towards its flags, not the sender's.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrail trail;
    private final Anomalies anomalies;

    AuditController(AuditTrail trail, Anomalies anomalies) {
        this.trail = trail;
        this.anomalies = anomalies;
    }

    @GetMapping("/access")
    PageOf<AuditTrail.AccessEntry> access(
            Caller caller,
            @RequestParam(required = false) UUID record,
            @RequestParam(required = false) @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        if ((record == null) == (actor == null)) {
            throw new BadRequest("audit-selector", "Give exactly one of record or actor");
        }
        AuditTrail.TimeRange range = range(from, to);
        return record != null
                ? trail.accessTo(caller, record, range, page, size)
                : trail.accessBy(caller, actor, range, page, size);
    }

    @GetMapping("/revisions")
    PageOf<AuditTrail.RevisionEntry> revisions(
            Caller caller,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return trail.revisions(caller, range(from, to), page, size);
    }

    /** Flags in [from, to): by default the last day; at most sanad.audit.anomalies.max-range. */
    @GetMapping("/anomalies")
    Anomalies.Report anomalies(
            Caller caller, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return anomalies.report(caller, from, to);
    }

    private static AuditTrail.TimeRange range(Instant from, Instant to) {
        var range = new AuditTrail.TimeRange(from, to);
        if (!range.isValid()) {
            throw new BadRequest("time-range", "from must be before to");
        }
        return range;
    }
}
