package org.sanad.server.cases;

import java.util.List;
import java.util.UUID;
import org.sanad.server.common.identity.CaseFileId;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseNotes extends JpaRepository<CaseNote, UUID> {

    List<CaseNote> findByCaseFileIdOrderByWrittenAt(CaseFileId caseFileId);
}
