package org.sanad.server.cases;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseFiles extends JpaRepository<CaseFile, UUID> {

    @Query(value = "select nextval('case_file_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();
}
