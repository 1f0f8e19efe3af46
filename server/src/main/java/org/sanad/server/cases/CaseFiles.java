package org.sanad.server.cases;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseFiles extends JpaRepository<CaseFile, UUID> {

    @Query(value = "select nextval('case_file_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();

    @Query(
            "select count(c) > 0 from CaseFile c join c.assignees a where c.defenderId = ?1 and a = ?2 and c.status <> 'CLOSED'")
    boolean isAssignedToOpenCaseOf(UUID defenderId, String subject);
}
