package org.sanad.server.access.breakglass;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sanad.server.common.identity.GrantId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Insert and read only: the application's database role may not update or delete a grant. */
interface Grants extends Repository<BreakGlassGrant, UUID> {

    BreakGlassGrant save(BreakGlassGrant grant);

    /** The caller's grants on the record that are still active, the longest-lasting first. */
    @Query("select g.id from BreakGlassGrant g where g.recordId = :record and g.supervisor = :supervisor"
            + " and g.organisation = :organisation and g.expiresAt > :now order by g.expiresAt desc, g.id")
    List<UUID> findActiveIds(
            @Param("record") UUID record,
            @Param("supervisor") Subject supervisor,
            @Param("organisation") OrganisationId organisation,
            @Param("now") Instant now);

    Page<BreakGlassGrant> findByOrganisation(OrganisationId organisation, Pageable pageable);

    default List<GrantId> findActive(UUID record, Subject supervisor, OrganisationId organisation, Instant now) {
        return findActiveIds(record, supervisor, organisation, now).stream()
                .map(GrantId::new)
                .toList();
    }
}
