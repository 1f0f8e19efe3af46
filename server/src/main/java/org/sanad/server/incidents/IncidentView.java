package org.sanad.server.incidents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.identity.CaseFileId;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.IncidentId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.web.Versions;

/** A report as one caller may see it: intake metadata always, sealed fields only with content access. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IncidentView(
        IncidentId id,
        DefenderId defenderId,
        OrganisationId organisation,
        Instant reportedAt,
        LocalDate occurredOn,
        LocalDate occurredUntil,
        Governorate governorate,
        IncidentType type,
        Severity severity,
        IncidentStatus status,
        Boolean claimed,
        CaseFileId caseFileId,
        String access,
        long version,
        String perpetratorCategory,
        String narrative,
        String location)
        implements Versions.Versioned {

    static IncidentView metadata(IncidentReport r) {
        return of(r, "metadata", Map.of());
    }

    static IncidentView content(IncidentReport r, Map<String, String> opened) {
        return of(r, "content", opened);
    }

    /** The content, seen through a break-glass grant. */
    static IncidentView content(IncidentReport r, Visibility visibility, Map<String, String> opened) {
        return of(r, visibility.label(), opened);
    }

    private static IncidentView of(IncidentReport r, String access, Map<String, String> opened) {
        return new IncidentView(
                r.id(),
                r.defenderId(),
                r.organisation(),
                r.reportedAt(),
                r.occurredOn(),
                r.occurredUntil(),
                r.governorate(),
                r.type(),
                r.severity(),
                r.status(),
                r.claimedBy() != null,
                r.caseFileId(),
                access,
                r.version(),
                opened.get("perpetratorCategory"),
                opened.get("narrative"),
                opened.get("location"));
    }

    @Override
    public String toString() {
        return "IncidentView[" + id + "]";
    }
}
