package org.sanad.server.defenders;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanad.crypto.EncryptionContext;
import org.sanad.server.access.Caller;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.SealedField;

/**
 * What other modules may ask of this one: identity bookkeeping, who works with a defender, and a
 * defender's sealed fields for a disclosure decided elsewhere; never opened profile content.
 */
public interface DefenderDirectory {

    Optional<DefenderRef> find(DefenderId defenderId);

    /**
     * The defender, and whether this caller may file an incident report about them ({@link
     * org.sanad.server.access.NeedToKnow#mayReportAbout}); empty if no such defender exists.
     */
    Optional<ReportingDecision> reportingDecision(Caller caller, DefenderId defenderId);

    /** @param mayReport whether the caller may report about this defender */
    record ReportingDecision(DefenderRef defender, boolean mayReport) {}

    /** The defender profile of a user who has the defender role. */
    Optional<DefenderRef> findBySubject(Subject subject);

    /**
     * The sealed (still encrypted) fields of a defender, by name, for a module that discloses them
     * under its own need-to-know decision and access-log entry (a live referral); empty once erased.
     */
    List<SealedField> sealedFieldsOf(DefenderId defenderId, Set<String> names);

    /**
     * The staff who work on a record about a defender, as its module last told this one through
     * {@link DefenderWorkChanged} (a case file's assignees, also once it is closed).
     */
    Set<Subject> staffOn(UUID recordId);

    /**
     * @param id the defender
     * @param organisation the organisation that registered them
     * @param pseudonym the code shown in lists
     * @param subject their Keycloak subject, if they have an account
     * @param erased whether their personal data (their key) was destroyed
     */
    record DefenderRef(DefenderId id, OrganisationId organisation, String pseudonym, Subject subject, boolean erased) {

        /** The context of a field of another record about this defender, sealed under their key. */
        public EncryptionContext context(String entity, String field, UUID rowId) {
            return new EncryptionContext(organisation.value(), entity, field, rowId, id.value());
        }
    }
}
