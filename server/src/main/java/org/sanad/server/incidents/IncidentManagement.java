package org.sanad.server.incidents;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.Role;
import org.sanad.server.audit.RecordHistory;
import org.sanad.server.common.PageOf;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.Ids;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.encryption.SealedField;
import org.sanad.server.encryption.SealedFields;
import org.sanad.server.web.ProblemException.Conflict;
import org.sanad.server.web.ProblemException.NotFound;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receives, lists, shows and triages incident reports, and links them to case files. */
@Service
class IncidentManagement implements IncidentDirectory {

    private final IncidentReports reports;
    private final DefenderDirectory defenders;
    private final SealedFields sealedFields;
    private final IncidentGuard guard;
    private final Clock clock;
    private final RecordHistory history;

    IncidentManagement(
            IncidentReports reports,
            DefenderDirectory defenders,
            SealedFields sealedFields,
            IncidentGuard guard,
            Clock clock,
            RecordHistory history) {
        this.history = history;
        this.reports = reports;
        this.defenders = defenders;
        this.sealedFields = sealedFields;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * A defender reports about themselves (their profile must exist); a caseworker reports about a
     * defender of their organisation.
     */
    @Transactional
    IncidentView report(Caller caller, UUID defenderId, IncidentFacts facts) {
        DefenderRef defender;
        if (caller.has(Role.DEFENDER)) {
            defender = defenders
                    .findBySubject(caller.subject())
                    .orElseThrow(() -> new Conflict("profile-required", "Create your profile before reporting"));
        } else {
            if (defenderId == null) {
                throw new org.sanad.server.web.ProblemException.BadRequest(
                        "defender-required", "defenderId is required for staff reports");
            }
            defender = defenders
                    .reportingDecision(caller, new DefenderId(defenderId))
                    .filter(DefenderDirectory.ReportingDecision::mayReport)
                    .map(DefenderDirectory.ReportingDecision::defender)
                    .orElseThrow(NotFound::new);
        }
        if (defender.erased()) {
            throw new Conflict("defender-erased", "The defender's personal data was erased");
        }
        var report = IncidentReport.report(
                Ids.next(IncidentId::new),
                defender.id(),
                defender.organisation(),
                caller.subject(),
                clock.instant(),
                facts,
                sealedFields);
        reports.save(report);
        return IncidentView.content(
                report,
                sealedFields.open(caller, IncidentReport.ENTITY, report.id().value(), "report", report.sealedFields()));
    }

    /** The caller's visible reports, newest first, as metadata. */
    @Transactional(readOnly = true)
    PageOf<IncidentView> list(Caller caller, int page, int size) {
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
    IncidentView view(Caller caller, UUID id) {
        return render(caller, guard.visible(id, caller));
    }

    @Transactional
    IncidentView triage(Caller caller, UUID id, IncidentStatus outcome, Severity severity) {
        IncidentGuard.Guarded before = guard.find(id, caller)
                .filter(g -> NeedToKnow.mayTriage(caller, g.facts()))
                .orElseThrow(NotFound::new);
        IncidentReport report = before.report();
        report.triage(caller.subject(), outcome, severity);
        reports.saveAndFlush(report);
        // Claiming is what gives the claimant content: the response follows the claimed report.
        return render(caller, guard.afterChange(before, caller));
    }

    @Override
    @Transactional
    public void linkToCaseFile(
            List<IncidentId> incidentIds,
            DefenderId defenderId,
            OrganisationId organisation,
            Subject claimant,
            CaseFileId caseFileId) {
        for (IncidentId incidentId : incidentIds) {
            IncidentReport report = reports.findById(incidentId.value())
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

    @Override
    @Transactional(readOnly = true)
    public List<IncidentId> linkedTo(CaseFileId caseFileId) {
        return reports.findByCaseFileId(caseFileId).stream()
                .map(IncidentReport::id)
                .sorted(Comparator.comparing(IncidentId::value))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SealedField> sealedFieldsOfCaseFile(CaseFileId caseFileId, Set<String> names) {
        return reports.findByCaseFileId(caseFileId).stream()
                .flatMap(r -> r.sealedFields().stream()
                        .filter(f -> names.contains(f.name()))
                        .map(f -> new SealedField("incident." + r.id() + "." + f.name(), f.value(), f.context())))
                .toList();
    }

    @Transactional
    List<RecordHistory.Entry> history(Caller caller, UUID id) {
        guard.find(id, caller)
                .filter(g -> NeedToKnow.mayReadReportHistory(caller, g.facts(), g.decision()))
                .orElseThrow(NotFound::new);
        return history.of(caller, IncidentReport.class, IncidentReport.ENTITY, id);
    }

    long version(UUID id) {
        return reports.findById(id).map(IncidentReport::version).orElseThrow(NotFound::new);
    }

    private IncidentView render(Caller caller, IncidentGuard.Guarded guarded) {
        IncidentReport report = guarded.report();
        if (!guarded.showsContent()) {
            return IncidentView.metadata(report);
        }
        return IncidentView.content(
                report,
                guarded.decision().visibility(),
                sealedFields.open(
                        caller,
                        IncidentReport.ENTITY,
                        report.id().value(),
                        guarded.purpose(caller),
                        report.sealedFields()));
    }
}
