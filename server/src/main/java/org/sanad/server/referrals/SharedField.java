package org.sanad.server.referrals;

import java.util.Arrays;
import java.util.Optional;

/** The fields a referral may share with the receiving organisation, by their API names. */
enum SharedField {
    LEGAL_NAME("legalName"),
    OTHER_NAMES("otherNames"),
    PHONE("phone"),
    EMAIL("email"),
    ADDRESS("address"),
    GENDER("gender"),
    PROTECTION_NEEDS("protectionNeeds"),
    EMERGENCY_CONTACT("emergencyContact"),
    INCIDENT_NARRATIVE("incident.narrative"),
    INCIDENT_LOCATION("incident.location"),
    INCIDENT_PERPETRATOR_CATEGORY("incident.perpetratorCategory"),
    CASE_LEGAL_SUMMARY("case.legalSummary");

    private final String apiName;

    SharedField(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    static Optional<SharedField> fromApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }

    boolean isDefenderField() {
        return !apiName.contains(".");
    }
}
