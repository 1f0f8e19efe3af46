package org.sanad.server.cases;

import java.util.List;
import java.util.UUID;
import org.sanad.server.common.identity.DefenderId;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseFiles extends JpaRepository<CaseFile, UUID> {

    @Query(value = "select nextval('case_file_reference_seq')", nativeQuery = true)
    long nextReferenceNumber();

    List<CaseFile> findByDefenderIdOrderByOpenedAtDesc(DefenderId defenderId);
}
