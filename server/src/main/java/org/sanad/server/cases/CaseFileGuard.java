package org.sanad.server.cases;

import java.util.Optional;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.Decision;
import org.sanad.server.audit.RevisionPurpose;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.web.ProblemException.NotFound;
import org.springframework.stereotype.Component;

/**
 * The one need-to-know decision of a request about a case file: loads the file and its defender
 * once, asks {@link NeedToKnow#caseFile}, and stamps the transaction as break-glass only when the
 * decision used a grant.
 */
@Component
record CaseFileGuard(CaseFiles files, DefenderDirectory defenders, BreakGlassGrants grants) {

    /** A case file with its defender, the facts and the decision it was served under. */
    record Guarded(CaseFile file, Optional<DefenderRef> defender, NeedToKnow.CaseFile facts, Decision decision) {

        boolean defenderErased() {
            return defender.map(DefenderRef::erased).orElse(true);
        }

        boolean isDefender(Caller caller) {
            return caller.subject().equals(facts.defenderSubject());
        }
    }

    /** @throws NotFound if the file does not exist or the caller may not see it (the same answer) */
    Guarded visible(UUID id, Caller caller) {
        return files.findById(id)
                .map(file -> decide(file, caller))
                .filter(g -> g.decision().isVisible())
                .orElseThrow(NotFound::new);
    }

    /** The decision on a file this request has just created or changed, from its defender as loaded. */
    Guarded decide(CaseFile file, Optional<DefenderRef> defender, Caller caller) {
        var facts = new NeedToKnow.CaseFile(
                file.organisation(),
                defender.map(DefenderRef::subject).orElse(null),
                file.assignees(),
                grants.activeGrant(caller, file.id().value()).orElse(null));
        Decision decision = NeedToKnow.caseFile(caller, facts);
        if (decision.usesGrant()) {
            RevisionPurpose.breakGlass(decision.grant());
        }
        return new Guarded(file, defender, facts, decision);
    }

    private Guarded decide(CaseFile file, Caller caller) {
        return decide(file, defenders.find(file.defenderId()), caller);
    }
}
