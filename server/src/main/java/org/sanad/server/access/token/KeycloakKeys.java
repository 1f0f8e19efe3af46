package org.sanad.server.access.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak's signing keys, fetched from its JWKS endpoint at a bounded rate.
 *
 * <p>Spring's default key source fetches the JWKS again for every token whose {@code kid} it does
 * not know (spring-security#19643): a flood of tokens with random {@code kid}s becomes a flood of
 * requests to Keycloak. Here a token with an unknown {@code kid} causes a fetch only when the last
 * fetch is at least {@code minRefetchInterval} old, so that a rotated key is still picked up
 * within that interval; any other unknown {@code kid} simply matches no key, and the token is
 * refused as invalid (401).
 *
 * <p>Keys are refreshed after {@code timeToLive}. While Keycloak cannot be reached, the last keys
 * stay in use for at most {@code maxStale} beyond their time to live; after that every token is
 * refused (fail closed) until Keycloak answers again.
 */
final class KeycloakKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(KeycloakKeys.class);

    private final URL jwkSetUrl;
    private final ResourceRetriever retriever;
    private final Duration timeToLive;
    private final Duration minRefetchInterval;
    private final Duration maxStale;
    private final Clock clock;

    private JWKSet keys;
    private Instant fetchedAt;
    private Instant lastAttempt;

    KeycloakKeys(
            URL jwkSetUrl,
            ResourceRetriever retriever,
            Duration timeToLive,
            Duration minRefetchInterval,
            Duration maxStale,
            Clock clock) {
        this.jwkSetUrl = jwkSetUrl;
        this.retriever = retriever;
        this.timeToLive = timeToLive;
        this.minRefetchInterval = minRefetchInterval;
        this.maxStale = maxStale;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Snapshot snapshot = current(false);
        List<JWK> matches = snapshot.select(selector);
        if (matches.isEmpty()) {
            // Perhaps Keycloak rotated its key; perhaps an attacker made up a kid. Look again,
            // but at most once per interval whatever the number of such tokens.
            matches = current(true).select(selector);
        }
        return matches;
    }

    private synchronized Snapshot current(boolean keyMissing) {
        Instant now = clock.instant();
        boolean expired = fetchedAt == null || !now.isBefore(fetchedAt.plus(timeToLive));
        boolean mayFetch = lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefetchInterval));
        if ((expired || keyMissing) && mayFetch) {
            lastAttempt = now;
            try {
                keys = JWKSet.parse(retriever.retrieveResource(jwkSetUrl).getContent());
                fetchedAt = now;
            } catch (IOException | ParseException e) {
                log.warn(
                        "Keycloak's signing keys could not be fetched ({})",
                        e.getClass().getSimpleName());
            }
        }
        boolean usable = keys != null && now.isBefore(fetchedAt.plus(timeToLive).plus(maxStale));
        return new Snapshot(usable ? keys : null);
    }

    private record Snapshot(JWKSet keys) {
        List<JWK> select(JWKSelector selector) {
            return keys == null ? List.of() : selector.select(keys);
        }
    }
}
