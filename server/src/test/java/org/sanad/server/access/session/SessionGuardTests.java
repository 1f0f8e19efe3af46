package org.sanad.server.access.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Role;
import org.sanad.server.access.accounts.AccountLockdowns;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/** When a browser session ends by itself: a lockdown after its sign-in, and the absolute lifetime. */
class SessionGuardTests {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-02T08:00:00Z");
    private static final String SUBJECT = "2f1c1b9e-1c1d-4a8e-9d55-0a7c2b1e4f10";

    private final AccountLockdowns lockdowns = mock(AccountLockdowns.class);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse request(Instant now, MockHttpSession session) throws Exception {
        var caller = new Caller(
                new Subject(SUBJECT), new OrganisationId("tigris-legal"), Set.of(Role.DEFENDER), "sanad-web");
        var idToken = OidcIdToken.withTokenValue("t").subject(SUBJECT).build();
        var user = new SessionUser(caller, SIGNED_IN, idToken);
        SecurityContextHolder.getContext()
                .setAuthentication(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"));
        var guard = new SessionGuard(lockdowns, Duration.ofHours(8), Clock.fixed(now, ZoneOffset.UTC));
        var request = new MockHttpServletRequest("GET", "/me");
        request.setSession(session);
        var response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpSession sessionCreatedAt(Instant created) {
        var session = new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return created.toEpochMilli();
            }
        };
        return session;
    }

    @Test
    void aSessionWithinItsLifetimeOfAnUnlockedAccountGoesOn() throws Exception {
        MockHttpSession session = sessionCreatedAt(SIGNED_IN);
        var response = request(SIGNED_IN.plus(Duration.ofHours(7)), session);
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aSessionOlderThanTheAbsoluteTimeoutEndsHoweverActive() throws Exception {
        MockHttpSession session = sessionCreatedAt(SIGNED_IN);
        var response = request(SIGNED_IN.plus(Duration.ofHours(8)).plusSeconds(1), session);
        assertThat(response.getRedirectedUrl()).isEqualTo("/signed-out?reason=expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aSessionSignedInBeforeALockdownEndsOnItsNextRequest() throws Exception {
        when(lockdowns.refuses(eq(SUBJECT), any())).thenReturn(true);
        MockHttpSession session = sessionCreatedAt(SIGNED_IN);
        var response = request(SIGNED_IN.plusSeconds(60), session);
        assertThat(response.getRedirectedUrl()).isEqualTo("/signed-out?reason=locked");
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
