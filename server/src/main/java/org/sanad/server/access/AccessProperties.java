package org.sanad.server.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Token-handling settings beyond Spring Boot's own resource-server properties.
 *
 * @param allowedClients the OAuth clients ({@code azp}) whose tokens the API accepts
 * @param jwksConnectTimeout bound on connecting to Keycloak's key endpoint
 * @param jwksReadTimeout bound on reading Keycloak's keys
 * @param jwksTimeToLive how long fetched keys are used before they are fetched again
 * @param jwksMinRefetchInterval at most one fetch per interval, however many tokens name an
 *     unknown key ({@code kid}); also how long a newly rotated key may go unnoticed
 * @param jwksMaxStale how long past their time to live the last keys stay in use while Keycloak
 *     cannot be reached; after that every token is refused
 * @param keycloakAdmin how the server reaches Keycloak's admin API (lockdown and unlock)
 * @param maxRequestBody larger request bodies are refused with 413, whether announced by
 *     {@code Content-Length} or streamed
 * @param rateLimits per-subject limits on routes that are expensive or invite abuse (intake,
 *     search); a request over the limit gets 429 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("sanad.access")
public record AccessProperties(
        @NotEmpty Set<String> allowedClients,
        @NotNull Duration jwksConnectTimeout,
        @NotNull Duration jwksReadTimeout,
        @NotNull Duration jwksTimeToLive,
        @NotNull Duration jwksMinRefetchInterval,
        @NotNull Duration jwksMaxStale,
        @NotNull @Valid KeycloakAdmin keycloakAdmin,
        @NotNull DataSize maxRequestBody,
        @NotNull List<@Valid RateLimit> rateLimits) {

    /**
     * At most {@code requests} requests per {@code per} for each subject on the routes that match
     * {@code method} and {@code pattern} (a Spring path pattern, e.g. {@code /api/incidents}).
     * Counted per server replica: with n replicas behind a balancer a subject gets up to n times
     * the limit.
     */
    public record RateLimit(
            @NotBlank String method, @NotBlank String pattern, @Positive int requests, @NotNull Duration per) {}

    /**
     * The service account the server uses to disable, log out and re-enable users. It needs the
     * realm-management roles {@code view-users} and {@code manage-users}, nothing more.
     *
     * @param serverUrl Keycloak's base URL (without {@code /realms/...})
     * @param realm the realm of Sanad's users, which is also the realm of the service account
     * @param clientId the confidential client whose service account is used
     * @param clientSecret its secret; the default is the demo realm's, set a real one in production
     * @param connectTimeout bound on connecting to Keycloak
     * @param readTimeout bound on waiting for an answer of Keycloak
     */
    public record KeycloakAdmin(
            @NotNull URI serverUrl,
            @NotBlank String realm,
            @NotBlank String clientId,
            @NotBlank String clientSecret,
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout) {

        @Override
        public String toString() {
            return "KeycloakAdmin[" + serverUrl + ", realm " + realm + ", client " + clientId + ", secret redacted]";
        }
    }
}
