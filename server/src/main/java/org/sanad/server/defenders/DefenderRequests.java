package org.sanad.server.defenders;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.sanad.server.common.Governorate;

/** Request bodies of the defender endpoints. Their toString never shows a value. */
final class DefenderRequests {

    /** No control characters: they would break one-per-line storage and can smuggle text into logs. */
    static final String PRINTABLE = "[^\\p{Cntrl}]*";

    static final String PHONE = "\\+?[0-9\\u0660-\\u0669\\u06F0-\\u06F9 ()\\-]{5,25}";

    private DefenderRequests() {}

    /** The profile fields both requests carry, as the entity takes them. */
    interface ProfileFields {
        String legalName();

        List<String> otherNames();

        String phone();

        String email();

        Governorate governorate();

        String address();

        Activity activity();

        String gender();

        RiskLevel riskLevel();

        String protectionNeeds();

        String emergencyContact();

        default DefenderProfile profile() {
            return new DefenderProfile(
                    legalName(),
                    otherNames(),
                    phone(),
                    email(),
                    governorate(),
                    address(),
                    activity(),
                    gender(),
                    riskLevel(),
                    protectionNeeds(),
                    emergencyContact());
        }
    }

    record Create(
            @NotBlank @Size(max = 200) @Pattern(regexp = PRINTABLE) String legalName,
            @Size(max = 10) List<@NotBlank @Size(max = 200) @Pattern(regexp = PRINTABLE) String> otherNames,
            @Pattern(regexp = PHONE) @PhoneNumber String phone,
            @Email @Size(max = 254) String email,
            @NotNull Governorate governorate,
            @Size(max = 500) @Pattern(regexp = PRINTABLE) String address,
            @NotNull Activity activity,
            @Size(max = 50) @Pattern(regexp = PRINTABLE) String gender,
            @NotNull RiskLevel riskLevel,
            @Size(max = 4000) String protectionNeeds,
            @Size(max = 500) @Pattern(regexp = PRINTABLE) String emergencyContact)
            implements ProfileFields {

        @Override
        public String toString() {
            return "Create[redacted]";
        }
    }

    /** A change: every field optional; present fields replace the stored value. */
    record Change(
            @Size(min = 1, max = 200) @Pattern(regexp = PRINTABLE) String legalName,
            @Size(max = 10) List<@NotBlank @Size(max = 200) @Pattern(regexp = PRINTABLE) String> otherNames,
            @Pattern(regexp = PHONE) @PhoneNumber String phone,
            @Email @Size(max = 254) String email,
            Governorate governorate,
            @Size(max = 500) @Pattern(regexp = PRINTABLE) String address,
            Activity activity,
            @Size(max = 50) @Pattern(regexp = PRINTABLE) String gender,
            RiskLevel riskLevel,
            @Size(max = 4000) String protectionNeeds,
            @Size(max = 500) @Pattern(regexp = PRINTABLE) String emergencyContact)
            implements ProfileFields {

        @Override
        public String toString() {
            return "Change[redacted]";
        }
    }
}
