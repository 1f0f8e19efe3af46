package org.sanad.server.cases;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sanad.server.encryption.SealedField;

/** What other modules may ask of this one about a case file: never its opened content. */
public interface CaseFileDirectory {

    Optional<CaseFileRef> find(UUID caseFileId);

    /** The sealed legal summary of a case file, for a module that discloses it (a live referral). */
    Optional<SealedField> legalSummaryOf(UUID caseFileId);

    /** What another module may know about a case file. */
    record CaseFileRef(UUID id, UUID defenderId, String organisation, Set<String> assignees, CaseStatus status) {}
}
