package org.sanad.server.defenders;

import java.util.Arrays;
import java.util.List;
import org.sanad.server.common.Governorate;

/**
 * The plaintext of a profile on its way in, to be sealed by {@link Defender}. For a change, null
 * means "leave as is".
 */
record DefenderProfile(
        String legalName,
        List<String> otherNames,
        String phone,
        String email,
        Governorate governorate,
        String address,
        Activity activity,
        String gender,
        RiskLevel riskLevel,
        String protectionNeeds,
        String emergencyContact) {

    /** Other names are sealed as one value, one name per line (names hold no control characters). */
    static String joinNames(List<String> names) {
        return names == null || names.isEmpty() ? null : String.join("\n", names);
    }

    static List<String> splitNames(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split("\n"));
    }

    @Override
    public String toString() {
        return "DefenderProfile[redacted]";
    }
}
