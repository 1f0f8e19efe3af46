package org.sanad.server.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseNotes extends JpaRepository<CaseNote, UUID> {

    List<CaseNote> findByCaseFileIdOrderByWrittenAt(UUID caseFileId);
}
