package org.sanad.server.incidents;

import java.util.List;
import java.util.Set;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.SealedField;

/** What other modules may ask of this one: linking reports to a case file, and what is linked. */
public interface IncidentDirectory {

    /**
     * Links reports to a new case file of the same defender and organisation. Only the caseworker
     * who claimed a report can take it into a case file: opening a case file gives its opener the
     * defender's content, so it must follow from intake work they already own.
     *
     * @throws org.sanad.server.web.ProblemException.NotFound if a report does not exist, or belongs to another
     *     defender or organisation
     * @throws org.sanad.server.web.ProblemException.Conflict if a report is not triaged, or was claimed by someone
     *     else
     */
    void linkToCaseFile(
            List<IncidentId> incidentIds,
            DefenderId defenderId,
            OrganisationId organisation,
            Subject claimant,
            CaseFileId caseFileId);

    /** The reports linked to a case file, in id order. */
    List<IncidentId> linkedTo(CaseFileId caseFileId);

    /**
     * The sealed fields of the reports linked to a case file, named {@code incident.<id>.<field>},
     * for a module that discloses them under its own need-to-know decision (a live referral).
     */
    List<SealedField> sealedFieldsOfCaseFile(CaseFileId caseFileId, Set<String> names);
}
