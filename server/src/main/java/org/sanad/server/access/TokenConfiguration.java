package org.sanad.server.access;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.client.RestTemplate;

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
    OAuth2TokenValidator<Jwt> allowedClients(AccessProperties properties) {
        return TokenValidators.issuedTo(properties.allowedClients());
    }

    @Bean
    OAuth2TokenValidator<Jwt> subjectAndOrganisationRequired() {
        return TokenValidators.subjectAndOrganisationRequired();
    }

    /** Bounded JWKS fetches: a slow Keycloak must not hold request threads for 30 s. */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer boundedJwksFetch(AccessProperties properties) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(properties.jwksConnectTimeout());
        requestFactory.setReadTimeout(properties.jwksReadTimeout());
        var rest = new RestTemplate(requestFactory);
        return builder -> builder.restOperations(rest);
    }
}
