package org.sanad.server.cases;

import java.util.Optional;
import java.util.Set;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.encryption.SealedField;

/** What other modules may ask of this one about a case file: never its opened content. */
public interface CaseFileDirectory {

    Optional<CaseFileRef> find(CaseFileId caseFileId);

    /** The sealed legal summary of a case file, for a module that discloses it (a live referral). */
    Optional<SealedField> legalSummaryOf(CaseFileId caseFileId);

    /** What another module may know about a case file. */
    record CaseFileRef(
            CaseFileId id,
            DefenderId defenderId,
            OrganisationId organisation,
            Set<Subject> assignees,
            CaseStatus status) {}
}
