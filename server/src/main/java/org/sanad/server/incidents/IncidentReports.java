package org.sanad.server.incidents;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentReports extends JpaRepository<IncidentReport, UUID> {

    Page<IncidentReport> findByOrganisation(String organisation, Pageable page);

    Page<IncidentReport> findByDefenderId(UUID defenderId, Pageable page);

    List<IncidentReport> findByDefenderId(UUID defenderId);

    List<IncidentReport> findByCaseFileId(UUID caseFileId);
}
