package org.sanad.server.access.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The server's key source against a local JWKS endpoint that counts its requests: unknown
 * {@code kid}s must not turn into one fetch each (spring-security#19643).
 */
class KeycloakKeysTests {

    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration REFETCH = Duration.ofSeconds(30);
    static final Duration MAX_STALE = Duration.ofMinutes(15);

    HttpServer jwks;
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicReference<String> served = new AtomicReference<>();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    RSAKey keycloakKey;
    RSAKey attackerKey;

    @BeforeEach
    void start() throws Exception {
        keycloakKey = new RSAKeyGenerator(2048).keyID("keycloak-1").generate();
        attackerKey = new RSAKeyGenerator(2048).generate();
        served.set(new JWKSet(keycloakKey.toPublicJWK()).toString());
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            String body = served.get();
            if (body == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs";
    }

    JwtDecoder sanadDecoder() throws IOException {
        var keys = new KeycloakKeys(
                URI.create(url()).toURL(),
                new DefaultResourceRetriever(1000, 1000, 64 * 1024),
                TTL,
                REFETCH,
                MAX_STALE,
                clock);
        return NimbusJwtDecoder.withJwkSetUri(url())
                .jwtProcessorCustomizer(TokenConfiguration.keysFrom(keys, Set.of(JWSAlgorithm.RS256)))
                .build();
    }

    String token(RSAKey key, String kid) throws JOSEException {
        var claims = new JWTClaimsSet.Builder()
                .subject("7b366a2c-c61e-45b5-a282-59cc023cf50b")
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void floodOfUnknownKidsFetchesTheKeysAtMostOncePerInterval() throws Exception {
        JwtDecoder decoder = sanadDecoder();
        decoder.decode(token(keycloakKey, "keycloak-1"));
        assertThat(fetches).hasValue(1);

        for (int i = 0; i < 200; i++) {
            String forged = token(attackerKey, UUID.randomUUID().toString());
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(fetches).hasValue(1);

        now.set(now.get().plus(REFETCH));
        for (int i = 0; i < 200; i++) {
            String forged = token(attackerKey, UUID.randomUUID().toString());
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void springsDefaultDecoderFetchesOnceForEveryUnknownKid() throws Exception {
        // Why KeycloakKeys exists. If this starts failing, Spring has fixed #19643; keep the
        // rate limit anyway, or drop it after checking that the fix bounds refetches as tightly.
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(url()).build();
        decoder.decode(token(keycloakKey, "keycloak-1"));

        for (int i = 0; i < 20; i++) {
            String forged = token(attackerKey, UUID.randomUUID().toString());
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }

        assertThat(fetches.get()).isGreaterThanOrEqualTo(21);
    }

    @Test
    void rotatedKeyIsPickedUpOnceTheRefetchIntervalHasPassed() throws Exception {
        JwtDecoder decoder = sanadDecoder();
        decoder.decode(token(keycloakKey, "keycloak-1"));
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("keycloak-2").generate();
        served.set(new JWKSet(List.of(keycloakKey.toPublicJWK(), rotated.toPublicJWK())).toString());
        String signedWithNewKey = token(rotated, "keycloak-2");

        assertThatThrownBy(() -> decoder.decode(signedWithNewKey)).isInstanceOf(BadJwtException.class);

        now.set(now.get().plus(REFETCH));
        assertThat(decoder.decode(signedWithNewKey).getSubject()).isNotBlank();
        assertThat(fetches).hasValue(2);
    }

    /**
     * A Keycloak that hangs holds up the one request that fetches, not every other one: they go on
     * with the keys there are while the fetch is in flight.
     */
    @Test
    void aHangingKeyFetchDoesNotHoldUpOtherValidations() throws Exception {
        var hanging = new java.util.concurrent.CountDownLatch(1);
        var fetchStarted = new java.util.concurrent.CountDownLatch(1);
        var calls = new AtomicInteger();
        var http = new DefaultResourceRetriever(1000, 1000, 64 * 1024);
        com.nimbusds.jose.util.ResourceRetriever slowSecondTime = url -> {
            if (calls.incrementAndGet() > 1) {
                fetchStarted.countDown();
                try {
                    hanging.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return http.retrieveResource(url);
        };
        var keys = new KeycloakKeys(URI.create(url()).toURL(), slowSecondTime, TTL, REFETCH, MAX_STALE, clock);
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(url())
                .jwtProcessorCustomizer(TokenConfiguration.keysFrom(keys, Set.of(JWSAlgorithm.RS256)))
                .build();
        String valid = token(keycloakKey, "keycloak-1");
        decoder.decode(valid);

        now.set(now.get().plus(TTL));
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        var fetcher = java.util.concurrent.CompletableFuture.runAsync(() -> decoder.decode(valid), threads);
        assertThat(fetchStarted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            var other = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> decoder.decode(valid).getSubject());
            assertThat(other.get(2, java.util.concurrent.TimeUnit.SECONDS)).isNotBlank();
        } finally {
            hanging.countDown();
        }
        fetcher.get(5, java.util.concurrent.TimeUnit.SECONDS);
        threads.shutdown();
        assertThat(calls).hasValue(2);
    }

    @Test
    void attackerKeyUnderTheTrustedKidIsRefused() throws Exception {
        JwtDecoder decoder = sanadDecoder();

        assertThatThrownBy(() -> decoder.decode(token(attackerKey, "keycloak-1")))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void keysStayInUseWhileKeycloakIsDownThenEveryTokenIsRefused() throws Exception {
        JwtDecoder decoder = sanadDecoder();
        String valid = token(keycloakKey, "keycloak-1");
        decoder.decode(valid);
        served.set(null);

        now.set(now.get().plus(TTL).plusSeconds(1));
        assertThat(decoder.decode(valid).getSubject()).isNotBlank();
        assertThat(fetches).hasValue(2);

        now.set(now.get().plus(MAX_STALE));
        assertThatThrownBy(() -> decoder.decode(valid)).isInstanceOf(BadJwtException.class);

        served.set(new JWKSet(keycloakKey.toPublicJWK()).toString());
        now.set(now.get().plus(REFETCH));
        assertThat(decoder.decode(valid).getSubject()).isNotBlank();
    }

    @Test
    void unreachableKeyEndpointIsAnInvalidTokenNotAServerError() throws Exception {
        served.set(null);
        JwtDecoder decoder = sanadDecoder();

        assertThatThrownBy(() -> decoder.decode(token(keycloakKey, "keycloak-1")))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void onlyAsymmetricAlgorithmsMayBeConfigured() {
        assertThat(TokenConfiguration.signatureAlgorithms(List.of("RS256"))).containsExactly(JWSAlgorithm.RS256);
        for (String weak : new String[] {"HS256", "none", "HS512"}) {
            assertThatThrownBy(() -> TokenConfiguration.signatureAlgorithms(List.of("RS256", weak)))
                    .as(weak)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> TokenConfiguration.signatureAlgorithms(List.of()))
                .isInstanceOf(IllegalStateException.class);
    }
}
