package org.sanad.server.incidents;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.Decision;
import org.sanad.server.access.Role;
import org.sanad.server.audit.RevisionPurpose;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.web.ProblemException.NotFound;
import org.springframework.stereotype.Component;

/**
 * The one need-to-know decision of a request about a report: loads the report, its defender and
 * the linked case file's assignees once, asks {@link NeedToKnow#report}, and stamps the
 * transaction as break-glass only when the decision used a grant.
 */
@Component
record IncidentGuard(IncidentReports reports, DefenderDirectory defenders, BreakGlassGrants grants) {

    /**
     * A report with the facts and the decision it was served under.
     *
     * @param defenderErased whether the defender's key is gone (content then renders as metadata)
     */
    record Guarded(IncidentReport report, NeedToKnow.Report facts, Decision decision, boolean defenderErased) {

        String purpose(Caller caller) {
            return decision.purpose(caller.has(Role.DEFENDER) ? "self" : "casework");
        }

        boolean showsContent() {
            return decision.allowsContent() && !defenderErased;
        }
    }

    /** @throws NotFound if the report does not exist or the caller may not see it (the same answer) */
    Guarded visible(UUID id, Caller caller) {
        return find(id, caller).filter(g -> g.decision().isVisible()).orElseThrow(NotFound::new);
    }

    Optional<Guarded> find(UUID id, Caller caller) {
        return reports.findById(id).map(report -> decide(report, caller));
    }

    /**
     * The decision on a report this request has just changed (triage claims it), from the facts
     * already loaded: the claimant now works on it.
     */
    Guarded afterChange(Guarded before, Caller caller) {
        IncidentReport report = before.report();
        NeedToKnow.Report was = before.facts();
        var facts = new NeedToKnow.Report(
                was.organisation(),
                was.defenderSubject(),
                report.reportedBy(),
                report.claimedBy(),
                was.caseAssignees(),
                was.activeGrant());
        return new Guarded(report, facts, stamped(NeedToKnow.report(caller, facts)), before.defenderErased());
    }

    private Guarded decide(IncidentReport report, Caller caller) {
        Optional<DefenderRef> defender = defenders.find(report.defenderId());
        Set<Subject> assignees = report.caseFileId() == null
                ? Set.of()
                : defenders.staffOn(report.caseFileId().value());
        var facts = new NeedToKnow.Report(
                report.organisation(),
                defender.map(DefenderRef::subject).orElse(null),
                report.reportedBy(),
                report.claimedBy(),
                assignees,
                grants.activeGrant(caller, report.id().value()).orElse(null));
        return new Guarded(
                report,
                facts,
                stamped(NeedToKnow.report(caller, facts)),
                defender.map(DefenderRef::erased).orElse(true));
    }

    private static Decision stamped(Decision decision) {
        if (decision.usesGrant()) {
            RevisionPurpose.breakGlass(decision.grant());
        }
        return decision;
    }
}
