package org.sanad.server.defenders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.web.Versions;

/**
 * A profile as one caller may see it: metadata always, sealed fields only with content access
 * (absent otherwise, never empty strings that could be mistaken for values).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DefenderView(
        DefenderId id,
        String pseudonym,
        OrganisationId organisation,
        Governorate governorate,
        Activity activity,
        RiskLevel riskLevel,
        Instant registeredAt,
        boolean erased,
        String access,
        long version,
        String legalName,
        List<String> otherNames,
        String phone,
        String email,
        String address,
        String gender,
        String protectionNeeds,
        String emergencyContact)
        implements Versions.Versioned {

    static DefenderView metadata(Defender d) {
        return of(d, Visibility.METADATA, null);
    }

    static DefenderView content(Defender d, Visibility visibility, Map<String, String> opened) {
        return of(d, visibility, opened);
    }

    /** @param opened the opened sealed fields, or null for metadata (which leaves them all out) */
    private static DefenderView of(Defender d, Visibility visibility, Map<String, String> opened) {
        Map<String, String> fields = opened == null ? Map.of() : opened;
        return new DefenderView(
                d.id(),
                d.pseudonym(),
                d.organisation(),
                d.governorate(),
                d.activity(),
                d.riskLevel(),
                d.registeredAt(),
                d.isErased(),
                visibility.label(),
                d.version(),
                fields.get("legalName"),
                opened == null ? null : DefenderProfile.splitNames(fields.get("otherNames")),
                fields.get("phone"),
                fields.get("email"),
                fields.get("address"),
                fields.get("gender"),
                fields.get("protectionNeeds"),
                fields.get("emergencyContact"));
    }

    @Override
    public String toString() {
        return "DefenderView[" + id + "]";
    }
}
