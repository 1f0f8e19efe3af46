package org.sanad.server.access.token;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@Validated
@ConfigurationProperties("sanad.access")
record TokenProperties(
        @NotEmpty Set<String> allowedClients,
        @NotNull Duration jwksConnectTimeout,
        @NotNull Duration jwksReadTimeout,
        @NotNull Duration jwksTimeToLive,
        @NotNull Duration jwksMinRefetchInterval,
        @NotNull Duration jwksMaxStale) {}
