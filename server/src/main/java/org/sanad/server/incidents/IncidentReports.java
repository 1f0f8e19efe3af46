package org.sanad.server.incidents;

import java.util.List;
import java.util.UUID;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentReports extends JpaRepository<IncidentReport, UUID> {

    Page<IncidentReport> findByOrganisation(OrganisationId organisation, Pageable page);

    Page<IncidentReport> findByDefenderId(DefenderId defenderId, Pageable page);

    List<IncidentReport> findByDefenderId(DefenderId defenderId);

    List<IncidentReport> findByCaseFileId(CaseFileId caseFileId);
}
