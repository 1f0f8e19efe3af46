package org.sanad.server.access;

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
 */
@Validated
@ConfigurationProperties("sanad.access")
record AccessProperties(
        @NotEmpty Set<String> allowedClients,
        @NotNull Duration jwksConnectTimeout,
        @NotNull Duration jwksReadTimeout) {}
