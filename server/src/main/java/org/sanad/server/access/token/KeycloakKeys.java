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
import java.util.concurrent.locks.ReentrantLock;
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

    /** What the last fetch left, replaced whole, so that readers never take the fetch lock. */
    private record State(JWKSet keys, Instant fetchedAt, Instant lastAttempt) {}

    private volatile State state = new State(null, null, null);

    /** Held by the one thread that fetches; the others go on with the keys there are. */
    private final ReentrantLock fetching = new ReentrantLock();

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

    /**
     * The keys to validate with, fetched first when they are due. At most one thread fetches; a
     * slow or hanging Keycloak holds up that thread alone (within the fetch timeouts), never the
     * validation of every other token, which goes on with the keys there are. Only while there are
     * no keys at all does a request wait for the fetch in flight.
     */
    private Snapshot current(boolean keyMissing) {
        if (due(state, clock.instant(), keyMissing)) {
            boolean mine;
            if (state.keys() == null) {
                fetching.lock();
                mine = true;
            } else {
                mine = fetching.tryLock();
            }
            if (mine) {
                try {
                    Instant now = clock.instant();
                    State seen = state;
                    if (due(seen, now, keyMissing)) {
                        state = new State(seen.keys(), seen.fetchedAt(), now);
                        fetch(now);
                    }
                } finally {
                    fetching.unlock();
                }
            }
        }
        State now = state;
        boolean usable = now.keys() != null
                && clock.instant().isBefore(now.fetchedAt().plus(timeToLive).plus(maxStale));
        return new Snapshot(usable ? now.keys() : null);
    }

    private boolean due(State seen, Instant now, boolean keyMissing) {
        boolean expired =
                seen.fetchedAt() == null || !now.isBefore(seen.fetchedAt().plus(timeToLive));
        boolean mayFetch =
                seen.lastAttempt() == null || !now.isBefore(seen.lastAttempt().plus(minRefetchInterval));
        return (expired || keyMissing) && mayFetch;
    }

    private void fetch(Instant now) {
        try {
            JWKSet fetched = JWKSet.parse(retriever.retrieveResource(jwkSetUrl).getContent());
            state = new State(fetched, now, now);
        } catch (IOException | ParseException e) {
            log.warn(
                    "Keycloak's signing keys could not be fetched ({})",
                    e.getClass().getSimpleName());
        }
    }

    private record Snapshot(JWKSet keys) {
        List<JWK> select(JWKSelector selector) {
            return keys == null ? List.of() : selector.select(keys);
        }
    }
}
