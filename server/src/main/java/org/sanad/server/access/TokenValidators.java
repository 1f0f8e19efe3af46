package org.sanad.server.access;

import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks Spring's defaults leave out (SECURITY.md §1). Spring Boot appends every
 * {@code OAuth2TokenValidator<Jwt>} bean to its own issuer, timestamp and audience checks, so
 * these add to them rather than replace them.
 */
final class TokenValidators {

    private static final OAuth2Error INVALID = new OAuth2Error("invalid_token");

    private TokenValidators() {}

    /** A token without {@code exp} would otherwise never expire. */
    static OAuth2TokenValidator<Jwt> expiryRequired() {
        return jwt -> check(jwt.getExpiresAt() != null);
    }

    /**
     * Keycloak access and ID tokens share the header {@code typ: JWT}; only the payload's {@code
     * typ} tells an access token ({@code Bearer}) from an ID or refresh token.
     */
    static OAuth2TokenValidator<Jwt> accessTokensOnly() {
        return jwt -> check("Bearer".equals(jwt.getClaimAsString("typ")));
    }

    /** Only tokens issued to known clients ({@code azp}) may call the API. */
    static OAuth2TokenValidator<Jwt> issuedTo(Set<String> allowedClients) {
        Set<String> allowed = Set.copyOf(allowedClients);
        return jwt -> {
            String client = jwt.getClaimAsString("azp");
            return check(client != null && allowed.contains(client));
        };
    }

    /** Every caller is a user with a subject and exactly one organisation. */
    static OAuth2TokenValidator<Jwt> subjectAndOrganisationRequired() {
        return jwt -> check(isPresent(jwt.getSubject()) && isPresent(organisation(jwt)));
    }

    private static String organisation(Jwt jwt) {
        return jwt.getClaims().get("org") instanceof String org ? org : null;
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }

    private static OAuth2TokenValidatorResult check(boolean valid) {
        return valid ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(INVALID);
    }
}
