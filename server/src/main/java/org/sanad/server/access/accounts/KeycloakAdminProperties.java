package org.sanad.server.access.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The service account the server uses to disable, log out and re-enable users. It needs the
 * realm-management roles {@code view-users} and {@code manage-users}, nothing more.
 *
 * @param serverUrl Keycloak's base URL (without {@code /realms/...})
 * @param realm the realm of Sanad's users, which is also the realm of the service account
 * @param clientId the confidential client whose service account is used
 * @param clientSecret its secret; there is no default, a real one is set in production
 * @param connectTimeout bound on connecting to Keycloak
 * @param readTimeout bound on waiting for an answer of Keycloak
 */
@Validated
@ConfigurationProperties("sanad.access.keycloak-admin")
record KeycloakAdminProperties(
        @NotNull URI serverUrl,
        @NotBlank String realm,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {

    @Override
    public String toString() {
        return "KeycloakAdminProperties[" + serverUrl + ", realm " + realm + ", client " + clientId
                + ", secret redacted]";
    }
}
