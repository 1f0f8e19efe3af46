package org.sanad.server.referrals;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.ReferralDecision;
import org.sanad.server.audit.RevisionPurpose;
import org.sanad.server.cases.CaseFileDirectory;
import org.sanad.server.cases.CaseFileDirectory.CaseFileRef;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.defenders.DefenderDirectory.DefenderRef;
import org.sanad.server.web.ProblemException.NotFound;
import org.springframework.stereotype.Component;

/**
 * The one need-to-know decision of a request about a referral: loads the referral, the referred
 * case file's assignees and the defender once, asks {@link NeedToKnow#referral}, and stamps the
 * transaction as break-glass only when the decision used a grant.
 */
@Component
record ReferralGuard(
        Referrals referrals, CaseFileDirectory cases, DefenderDirectory defenders, BreakGlassGrants grants) {

    /** A referral with the decision it was served under. */
    record Guarded(Referral referral, ReferralDecision decision, boolean defenderErased) {}

    /** @throws NotFound if the referral does not exist or the caller is on no side of it (the same answer) */
    Guarded visible(UUID id, Caller caller) {
        return referrals
                .findById(id)
                .map(referral -> decide(referral, caller))
                .filter(g -> g.decision().isVisible())
                .orElseThrow(NotFound::new);
    }

    /** The decision on a referral this request has just created. */
    Guarded decide(Referral referral, Caller caller) {
        Set<Subject> assignees =
                cases.find(referral.caseFileId()).map(CaseFileRef::assignees).orElse(Set.of());
        Optional<DefenderRef> defender = defenders.find(referral.defenderId());
        var facts = new NeedToKnow.Referral(
                referral.fromOrganisation(),
                referral.toOrganisation(),
                assignees,
                defender.map(DefenderRef::subject).orElse(null),
                grants.activeGrant(caller, referral.id().value()).orElse(null));
        ReferralDecision decision = NeedToKnow.referral(caller, facts);
        if (decision.usesGrant()) {
            RevisionPurpose.breakGlass(decision.grant());
        }
        return new Guarded(referral, decision, defender.map(DefenderRef::erased).orElse(true));
    }
}
