package org.sanad.server.access.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiPredicate;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks Spring's defaults leave out. Spring Boot appends every
 * {@code OAuth2TokenValidator<Jwt>} bean to its own issuer, timestamp and audience checks, so
 * these add to them rather than replace them.
 */
public final class TokenValidators {

    private static final Logger log = LoggerFactory.getLogger(TokenValidators.class);
    private static final OAuth2Error INVALID = new OAuth2Error("invalid_token");
    /** The clock skew Spring's timestamp validator also allows. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

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

    /**
     * Every caller is a user with a subject and exactly one organisation, both well-formed (the
     * checks of {@link Subject} and {@link OrganisationId}, made here so a malformed claim is an
     * invalid token, never an error later).
     */
    static OAuth2TokenValidator<Jwt> subjectAndOrganisationRequired() {
        return jwt -> check(Subject.isValid(jwt.getSubject()) && OrganisationId.isValid(organisation(jwt)));
    }

    /**
     * Refuses a token whose subject was locked down after the token was issued ({@code iat}), or
     * is locked now. A token without {@code iat}, or one that claims to be issued in the future,
     * could slip past the cut-off and is refused too. If the lockdown state cannot be read, the
     * token is refused: this check fails closed.
     */
    public static OAuth2TokenValidator<Jwt> notLockedDown(BiPredicate<String, Instant> refused, Clock clock) {
        return jwt -> {
            Instant issuedAt = jwt.getIssuedAt();
            String subject = jwt.getSubject();
            if (issuedAt == null
                    || !isPresent(subject)
                    || issuedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                return check(false);
            }
            try {
                return check(!refused.test(subject, issuedAt));
            } catch (RuntimeException e) {
                log.warn(
                        "lockdown state unreadable ({}); token refused",
                        e.getClass().getSimpleName());
                return check(false);
            }
        };
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
