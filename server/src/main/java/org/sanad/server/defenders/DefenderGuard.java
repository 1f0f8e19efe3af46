package org.sanad.server.defenders;

import java.util.Optional;
import java.util.UUID;
import org.sanad.server.access.BreakGlassGrants;
import org.sanad.server.access.Caller;
import org.sanad.server.access.NeedToKnow;
import org.sanad.server.access.NeedToKnow.Decision;
import org.sanad.server.audit.RevisionPurpose;
import org.sanad.server.web.ProblemException.NotFound;
import org.springframework.stereotype.Component;

/**
 * The one need-to-know decision of a request about a profile: loads the profile and its facts
 * once, asks {@link NeedToKnow#profile}, and stamps the transaction as break-glass only when the
 * decision used a grant.
 */
@Component
record DefenderGuard(Defenders defenders, DefenderWork work, BreakGlassGrants grants) {

    /** A profile with the facts and the decision it was served under. */
    record Guarded(Defender defender, NeedToKnow.Profile facts, Decision decision) {

        /** The caller's usual purpose: the defender reading their own profile, or casework. */
        String purpose(Caller caller) {
            return decision.purpose(caller.subject().equals(defender.keycloakSubject()) ? "self" : "casework");
        }
    }

    /**
     * The profile the caller may see, with its decision.
     *
     * @throws NotFound if it does not exist or the caller may not see it (the same answer)
     */
    Guarded visible(UUID id, Caller caller) {
        return find(id, caller).filter(g -> g.decision().isVisible()).orElseThrow(NotFound::new);
    }

    /** The profile and the caller's decision on it, whether visible or not. */
    Optional<Guarded> find(UUID id, Caller caller) {
        return defenders.findById(id).map(defender -> decide(defender, caller));
    }

    Guarded decide(Defender defender, Caller caller) {
        boolean works =
                caller.subject().equals(defender.registeredBy()) || work.worksWith(caller.subject(), defender.id());
        var facts = new NeedToKnow.Profile(
                defender.organisation(),
                defender.keycloakSubject(),
                works,
                grants.activeGrant(caller, defender.id().value()).orElse(null));
        Decision decision = NeedToKnow.profile(caller, facts);
        if (decision.usesGrant()) {
            RevisionPurpose.breakGlass(decision.grant());
        }
        return new Guarded(defender, facts, decision);
    }
}
