package org.sanad.server.access.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** Token validation on top of Spring Boot's resource-server auto-configuration. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return TokenValidators.expiryRequired();
    }

    @Bean
    OAuth2TokenValidator<Jwt> accessTokensOnly() {
        return TokenValidators.accessTokensOnly();
    }

    @Bean
    OAuth2TokenValidator<Jwt> allowedClients(TokenProperties properties) {
        return TokenValidators.issuedTo(properties.allowedClients());
    }

    @Bean
    OAuth2TokenValidator<Jwt> subjectAndOrganisationRequired() {
        return TokenValidators.subjectAndOrganisationRequired();
    }

    /**
     * Keycloak's keys from {@link KeycloakKeys}: bounded fetch timeouts and size, a bounded refetch
     * rate for unknown {@code kid}s, and only the algorithms configured for the resource server.
     * The key selector replaces the one Spring builds on its own key source; Spring's validators,
     * and the audience check among them, are untouched.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer rateLimitedKeycloakKeys(
            TokenProperties properties, OAuth2ResourceServerProperties resourceServer) {
        Set<JWSAlgorithm> algorithms =
                signatureAlgorithms(resourceServer.getJwt().getJwsAlgorithms());
        var retriever = new DefaultResourceRetriever(
                (int) properties.jwksConnectTimeout().toMillis(),
                (int) properties.jwksReadTimeout().toMillis(),
                JWKS_SIZE_LIMIT);
        URL jwkSetUrl;
        try {
            jwkSetUrl = URI.create(resourceServer.getJwt().getJwkSetUri()).toURL();
        } catch (MalformedURLException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri is not a URL");
        }
        var keys = new KeycloakKeys(
                jwkSetUrl,
                retriever,
                properties.jwksTimeToLive(),
                properties.jwksMinRefetchInterval(),
                properties.jwksMaxStale(),
                Clock.systemUTC());
        return builder -> builder.jwtProcessorCustomizer(keysFrom(keys, algorithms));
    }

    private static final int JWKS_SIZE_LIMIT = 64 * 1024;

    static Consumer<ConfigurableJWTProcessor<SecurityContext>> keysFrom(
            JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms) {
        return processor -> processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    }

    /** Asymmetric signature algorithms only: an HMAC or "none" here would let anyone sign tokens. */
    static Set<JWSAlgorithm> signatureAlgorithms(List<String> names) {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        for (String name : names) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
            if (!JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
                throw new IllegalStateException("only asymmetric JWS algorithms may be configured");
            }
            algorithms.add(algorithm);
        }
        if (algorithms.isEmpty()) {
            throw new IllegalStateException("no JWS algorithm configured");
        }
        return Set.copyOf(algorithms);
    }
}
