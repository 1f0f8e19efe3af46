package org.sanad.server.access.breakglass;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
    List<UUID> findActive(
            @Param("record") UUID record,
            @Param("supervisor") String supervisor,
            @Param("organisation") String organisation,
            @Param("now") Instant now);

    Page<BreakGlassGrant> findByOrganisation(String organisation, Pageable pageable);
}
