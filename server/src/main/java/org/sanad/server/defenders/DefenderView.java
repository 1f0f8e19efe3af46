package org.sanad.server.defenders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanad.server.access.NeedToKnow.Visibility;
import org.sanad.server.common.Governorate;

/**
 * A profile as one caller may see it: metadata always, sealed fields only with content access
 * (absent otherwise, never empty strings that could be mistaken for values).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DefenderView(
        UUID id,
        String pseudonym,
        String organisation,
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
        String emergencyContact) {

    static DefenderView metadata(Defender d) {
        return new DefenderView(
                d.id(),
                d.pseudonym(),
                d.organisation(),
                d.governorate(),
                d.activity(),
                d.riskLevel(),
                d.registeredAt(),
                d.isErased(),
                Visibility.METADATA.label(),
                d.version(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static DefenderView content(Defender d, Visibility visibility, Map<String, String> opened) {
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
                opened.get("legalName"),
                DefenderProfile.splitNames(opened.get("otherNames")),
                opened.get("phone"),
                opened.get("email"),
                opened.get("address"),
                opened.get("gender"),
                opened.get("protectionNeeds"),
                opened.get("emergencyContact"));
    }

    @Override
    public String toString() {
        return "DefenderView[" + id + "]";
    }
}
