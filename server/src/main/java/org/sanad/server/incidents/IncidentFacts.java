package org.sanad.server.incidents;

import java.time.LocalDate;
import org.sanad.server.common.Governorate;

/** A report's content on its way in, to be sealed by {@link IncidentReport}. */
record IncidentFacts(
        LocalDate occurredOn,
        LocalDate occurredUntil,
        Governorate governorate,
        IncidentType type,
        Severity severity,
        String perpetratorCategory,
        String narrative,
        String location) {

    @Override
    public String toString() {
        return "IncidentFacts[redacted]";
    }
}
