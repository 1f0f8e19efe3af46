package org.sanad.server.access.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits.
 *
 * @param maxRequestBody larger request bodies are refused with 413, whether announced by
 *     {@code Content-Length} or streamed
 * @param rateLimits per-subject limits on routes that are expensive or invite abuse (intake,
 *     search); a request over the limit gets 429 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("sanad.access")
record LimitsProperties(@NotNull DataSize maxRequestBody, @NotNull List<@Valid RateLimit> rateLimits) {

    /**
     * At most {@code requests} requests per {@code per} for each subject on the routes that match
     * {@code method} and {@code pattern} (a Spring path pattern, e.g. {@code /api/incidents}).
     * Counted per server replica: with n replicas behind a balancer a subject gets up to n times
     * the limit.
     */
    record RateLimit(
            @NotBlank String method, @NotBlank String pattern, @Positive int requests, @NotNull Duration per) {}
}
