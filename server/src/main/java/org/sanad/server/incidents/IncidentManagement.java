package org.sanad.server.incidents;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.BreakGlassTarget;
import org.sanad.server.access.BreakGlassTargets;
import org.sanad.server.access.Callers;
import org.sanad.server.access.CurrentUser;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.Role;
import org.sanad.server.access.Visibility;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.common.Ids;
import org.sanad.server.common.PageOf;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.defenders.DefenderWork;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.web.Conflict;
import org.sanad.server.web.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receives, lists, shows and triages incident reports, and links them to case files. */
@Service
public class IncidentManagement implements DefenderWork, BreakGlassTargets {

    private final IncidentReports reports;
    private final DefenderDirectory defenders;
    private final SealedFields sealedFields;
    private final ObjectProvider<CaseAssignees> caseAssignees;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecordHistory history;
    private final BreakGlassGrants breakGlass;

    IncidentManagement(
            IncidentReports reports,
            DefenderDirectory defenders,
            SealedFields sealedFields,
            ObjectProvider<CaseAssignees> caseAssignees,
            ApplicationEventPublisher events,
            Clock clock,
            RecordHistory history,
            BreakGlassGrants breakGlass) {
        this.history = history;
        this.breakGlass = breakGlass;
        this.reports = reports;
        this.defenders = defenders;
        this.sealedFields = sealedFields;
        this.caseAssignees = caseAssignees;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A defender reports about themselves (their profile must exist); a caseworker reports about a
     * defender of their organisation.
     */
    @Transactional
    IncidentView report(UUID defenderId, IncidentFacts facts) {
        CurrentUser caller = Callers.current();
        DefenderRef defender;
        if (caller.has(Role.DEFENDER)) {
            defender = defenders
                    .findBySubject(caller.subject())
                    .orElseThrow(() -> new Conflict("profile-required", "Create your profile before reporting"));
        } else {
            if (defenderId == null) {
                throw new org.sanad.server.web.BadRequest(
                        "defender-required", "defenderId is required for staff reports");
            }
            // Staff file reports only about defenders they already work with: otherwise filing a
            // report and claiming it would open any defender's profile of the organisation.
            defender = defenders
                    .find(defenderId)
                    .filter(d -> d.organisation().equals(caller.organisation()))
                    .filter(d -> defenders.callerSeesContentOf(d.id()))
                    .orElseThrow(NotFound::new);
        }
        if (defender.erased()) {
            throw new Conflict("defender-erased", "The defender's personal data was erased");
        }
        var report = IncidentReport.report(
                Ids.newId(),
                defender.id(),
                defender.organisation(),
                caller.subject(),
                clock.instant(),
                facts,
                sealedFields);
        reports.save(report);
        events.publishEvent(new IncidentReported(report.id(), report.organisation(), clock.instant()));
        return IncidentView.content(
                report, sealedFields.open(IncidentReport.ENTITY, report.id(), "report", report.sealedFields()));
    }

    /** The caller's visible reports, newest first, as metadata. */
    @Transactional(readOnly = true)
    PageOf<IncidentView> list(int page, int size) {
        CurrentUser caller = Callers.current();
        var request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "reportedAt"));
        Page<IncidentReport> found;
        if (caller.has(Role.DEFENDER)) {
            var self = defenders.findBySubject(caller.subject());
            if (self.isEmpty()) {
                return PageOf.empty(page, size);
            }
            found = reports.findByDefenderId(self.get().id(), request);
        } else if (caller.has(Role.CASEWORKER) || caller.has(Role.SUPERVISOR)) {
            found = reports.findByOrganisation(caller.organisation(), request);
        } else {
            return PageOf.empty(page, size);
        }
        return PageOf.of(found.map(IncidentView::metadata));
    }

    @Transactional
    IncidentView view(UUID id) {
        CurrentUser caller = Callers.current();
        IncidentReport report = reports.findById(id).orElseThrow(NotFound::new);
        Visibility visibility = visibility(report, caller);
        if (!visibility.isVisible()) {
            throw new NotFound();
        }
        return render(report, visibility, caller);
    }

    @Transactional
    IncidentView triage(UUID id, IncidentStatus outcome, Severity severity) {
        CurrentUser caller = Callers.current();
        IncidentReport report = reports.findById(id)
                .filter(r -> NeedToKnow.isStaffOf(caller, r.organisation()))
                .orElseThrow(NotFound::new);
        report.triage(caller.subject(), outcome, severity);
        reports.saveAndFlush(report);
        return render(report, visibility(report, caller), caller);
    }

    /**
     * Links reports to a new case file of the same defender and organisation. Only the caseworker
     * who claimed a report can take it into a case file: opening a case file gives its opener the
     * defender's content, so it must follow from intake work they already own.
     *
     * @throws NotFound if a report does not exist, or belongs to another defender or organisation
     * @throws Conflict if a report is not triaged, or was claimed by someone else
     */
    @Transactional
    public void linkToCaseFile(
            List<UUID> incidentIds, UUID defenderId, String organisation, String claimant, UUID caseFileId) {
        for (UUID incidentId : incidentIds) {
            IncidentReport report = reports.findById(incidentId)
                    .filter(r -> r.defenderId().equals(defenderId)
                            && r.organisation().equals(organisation))
                    .orElseThrow(NotFound::new);
            if (report.claimedBy() != null && !report.claimedBy().equals(claimant)) {
                throw new Conflict("claimed-by-another", "The report was claimed by another caseworker");
            }
            report.linkTo(caseFileId);
            reports.save(report);
        }
    }

    /**
     * The sealed fields of the reports linked to a case file, named {@code incident.<id>.<field>},
     * for a module that discloses them under its own need-to-know decision (a live referral).
     */
    @Transactional(readOnly = true)
    public List<org.sanad.server.encryption.SealedField> sealedFieldsOfCaseFile(UUID caseFileId, Set<String> names) {
        return reports.findByCaseFileId(caseFileId).stream()
                .flatMap(r -> r.sealedFields().stream()
                        .filter(f -> names.contains(f.name()))
                        .map(f -> new org.sanad.server.encryption.SealedField(
                                "incident." + r.id() + "." + f.name(), f.value(), f.context())))
                .toList();
    }

    @Override
    public boolean worksWith(String subject, UUID defenderId) {
        return reports.existsByDefenderIdAndClaimedBy(defenderId, subject);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<BreakGlassTarget> breakGlassTarget(UUID recordId) {
        return reports.findById(recordId)
                .map(r -> new BreakGlassTarget(
                        IncidentReport.ENTITY,
                        r.id(),
                        r.organisation(),
                        r.defenderId(),
                        defenders.find(r.defenderId()).map(DefenderRef::erased).orElse(true)));
    }

    @Transactional
    List<RecordHistory.Entry> history(UUID id) {
        CurrentUser caller = Callers.current();
        reports.findById(id)
                .filter(r -> visibility(r, caller).isVisible() || NeedToKnow.isSupervisorOf(caller, r.organisation()))
                .orElseThrow(NotFound::new);
        return history.of(IncidentReport.class, IncidentReport.ENTITY, id);
    }

    long version(UUID id) {
        return reports.findById(id).map(IncidentReport::version).orElseThrow(NotFound::new);
    }

    private IncidentView render(IncidentReport report, Visibility visibility, CurrentUser caller) {
        boolean erased =
                defenders.find(report.defenderId()).map(DefenderRef::erased).orElse(true);
        if (!visibility.allowsContent() || erased) {
            return IncidentView.metadata(report);
        }
        String purpose = visibility.purpose(caller.has(Role.DEFENDER) ? "self" : "casework");
        return IncidentView.content(
                report,
                visibility,
                sealedFields.open(IncidentReport.ENTITY, report.id(), purpose, report.sealedFields()));
    }

    Visibility visibility(IncidentReport report, CurrentUser caller) {
        String defenderSubject =
                defenders.find(report.defenderId()).map(DefenderRef::subject).orElse(null);
        Set<String> assignees = report.caseFileId() == null
                ? Set.of()
                : caseAssignees
                        .orderedStream()
                        .flatMap(c -> c.of(report.caseFileId()).stream())
                        .collect(java.util.stream.Collectors.toSet());
        return NeedToKnow.incidentReport(
                caller,
                report.organisation(),
                defenderSubject,
                report.reportedBy(),
                report.claimedBy(),
                assignees,
                breakGlass.holds(caller, report.id()));
    }
}
