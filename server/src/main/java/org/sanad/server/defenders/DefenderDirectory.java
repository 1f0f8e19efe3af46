package org.sanad.server.defenders;

import java.util.Optional;
import java.util.UUID;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.access.Caller;

/** What other modules may know about a defender: identity bookkeeping, never profile content. */
public interface DefenderDirectory {

    Optional<DefenderRef> find(UUID defenderId);

    /**
     * The defender, and whether this caller may file an incident report about them ({@link
     * org.sanad.server.access.NeedToKnow#mayReportAbout}); empty if no such defender exists.
     */
    Optional<ReportingDecision> reportingDecision(Caller caller, UUID defenderId);

    /** @param mayReport whether the caller may report about this defender */
    record ReportingDecision(DefenderRef defender, boolean mayReport) {}

    /** The defender profile of a user who has the defender role. */
    Optional<DefenderRef> findBySubject(String subject);

    /**
     * @param id the defender
     * @param organisation the organisation that registered them
     * @param pseudonym the code shown in lists
     * @param subject their Keycloak subject, if they have an account
     * @param erased whether their personal data (their key) was destroyed
     */
    record DefenderRef(UUID id, String organisation, String pseudonym, String subject, boolean erased) {

        /** The context of a field of another record about this defender, sealed under their key. */
        public EncryptionContext context(String entity, String field, UUID rowId) {
            return new EncryptionContext(organisation, entity, field, rowId, id);
        }
    }
}
