package org.sanad.server.access.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sanad.server.access.accounts.TokenCutoff;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidatorsTests {

    private static Jwt token(Consumer<Map<String, Object>> claims) {
        var builder = Jwt.withTokenValue("t").header("alg", "RS256");
        builder.claims(c -> {
            c.put("sub", "7b366a2c-c61e-45b5-a282-59cc023cf50b");
            c.put("org", "tigris-legal");
            c.put("typ", "Bearer");
            c.put("azp", "sanad-demo");
            c.put("exp", Instant.now().plusSeconds(60));
            c.put("iat", Instant.now());
            claims.accept(c);
        });
        return builder.build();
    }

    @Test
    void accessTokenOfAllowedClientPassesEveryCheck() {
        Jwt jwt = token(c -> {});

        assertThat(TokenValidators.expiryRequired().validate(jwt).hasErrors()).isFalse();
        assertThat(TokenValidators.accessTokensOnly().validate(jwt).hasErrors()).isFalse();
        assertThat(TokenValidators.issuedTo(Set.of("sanad-demo")).validate(jwt).hasErrors())
                .isFalse();
        assertThat(TokenValidators.subjectAndOrganisationRequired()
                        .validate(jwt)
                        .hasErrors())
                .isFalse();
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        assertThat(TokenValidators.expiryRequired()
                        .validate(token(c -> c.remove("exp")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void idAndRefreshTokensAreRejected() {
        assertThat(TokenValidators.accessTokensOnly()
                        .validate(token(c -> c.put("typ", "ID")))
                        .hasErrors())
                .isTrue();
        assertThat(TokenValidators.accessTokensOnly()
                        .validate(token(c -> c.put("typ", "Refresh")))
                        .hasErrors())
                .isTrue();
        assertThat(TokenValidators.accessTokensOnly()
                        .validate(token(c -> c.remove("typ")))
                        .hasErrors())
                .isTrue();
        assertThat(TokenValidators.accessTokensOnly()
                        .validate(token(c -> c.put("typ", "bearer")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void tokenOfUnknownOrMissingClientIsRejected() {
        var validator = TokenValidators.issuedTo(Set.of("sanad-demo"));

        assertThat(validator.validate(token(c -> c.put("azp", "admin-cli"))).hasErrors())
                .isTrue();
        assertThat(validator.validate(token(c -> c.remove("azp"))).hasErrors()).isTrue();
    }

    @Test
    void tokenWithoutSubjectOrOrganisationIsRejected() {
        var validator = TokenValidators.subjectAndOrganisationRequired();

        assertThat(validator.validate(token(c -> c.remove("org"))).hasErrors()).isTrue();
        assertThat(validator.validate(token(c -> c.put("org", " "))).hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token(c -> c.put("org", List.of("a", "b"))))
                        .hasErrors())
                .isTrue();
        assertThat(validator.validate(token(c -> c.remove("sub"))).hasErrors()).isTrue();
    }

    /** A claim that would not make a Subject or OrganisationId is an invalid token, not a 500 later. */
    @Test
    void tokenWithAPaddedOrOverlongSubjectOrOrganisationIsRejected() {
        var validator = TokenValidators.subjectAndOrganisationRequired();

        assertThat(validator.validate(token(c -> c.put("sub", " 3f1c"))).hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token(c -> c.put("org", "tigris-legal\n")))
                        .hasErrors())
                .isTrue();
        assertThat(validator.validate(token(c -> c.put("sub", "a".repeat(256)))).hasErrors())
                .isTrue();
    }

    @Test
    void tokenIssuedBeforeALockdownIsRefused() {
        Instant lockdown = Instant.now().minusSeconds(5);
        var validator = TokenValidators.notLockedDown(
                (subject, issuedAt) -> new TokenCutoff(lockdown, false).refuses(issuedAt), Clock.systemUTC());

        assertThat(validator
                        .validate(token(c -> c.put("iat", lockdown.minusSeconds(1))))
                        .hasErrors())
                .isTrue();
        assertThat(validator.validate(token(c -> c.put("iat", Instant.now()))).hasErrors())
                .isFalse();
    }

    @Test
    void lockdownCheckRefusesTokensWithoutIssueTimeOrFromTheFuture() {
        var validator = TokenValidators.notLockedDown((subject, issuedAt) -> false, Clock.systemUTC());

        assertThat(validator.validate(token(c -> c.remove("iat"))).hasErrors()).isTrue();
        assertThat(validator
                        .validate(token(c -> {
                            c.put("iat", Instant.now().plusSeconds(3600));
                            c.put("exp", Instant.now().plusSeconds(3900));
                        }))
                        .hasErrors())
                .isTrue();
        assertThat(validator.validate(token(c -> c.remove("sub"))).hasErrors()).isTrue();
        assertThat(validator.validate(token(c -> {})).hasErrors()).isFalse();
    }

    @Test
    void lockdownCheckFailsClosedWhenTheStateCannotBeRead() {
        var validator = TokenValidators.notLockedDown(
                (subject, issuedAt) -> {
                    throw new IllegalStateException("database down");
                },
                Clock.systemUTC());

        assertThat(validator.validate(token(c -> {})).hasErrors()).isTrue();
    }
}
