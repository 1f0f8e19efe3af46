package org.sanad.server.access.limits;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.sanad.server.access.Role;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.sanad.server.web.ProblemResponses;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class RateLimiterTests {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void subjectGetsItsAllowanceThenMustWait() {
        var limiter = new RateLimiter(3, Duration.ofMinutes(1), clock, 1000);

        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();

        assertThat(limiter.acquire("a"))
                .hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void allowanceRefillsOverTimeButNeverBeyondTheLimit() {
        var limiter = new RateLimiter(3, Duration.ofMinutes(1), clock, 1000);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }

        now.set(now.get().plusSeconds(20));
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();

        now.set(now.get().plus(Duration.ofHours(5)));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isEmpty();
        }
        assertThat(limiter.acquire("a")).isPresent();
    }

    @Test
    void subjectsDoNotShareAnAllowance() {
        var limiter = new RateLimiter(1, Duration.ofMinutes(1), clock, 1000);

        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();
        assertThat(limiter.acquire("b")).isEmpty();
    }

    @Test
    void bucketsOfIdleSubjectsAreDroppedSoMemoryStaysBounded() {
        var limiter = new RateLimiter(1, Duration.ofMinutes(1), clock, 100);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("subject-" + i);
        }
        now.set(now.get().plus(Duration.ofMinutes(2)));

        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("flood-" + i);
        }

        assertThat(limiter.buckets()).isLessThanOrEqualTo(100);
    }

    @Test
    void filterAnswers429WithRetryAfterOnlyOnTheLimitedRouteAndMethod() throws Exception {
        var filter = new RateLimitFilter(
                List.of(new LimitsProperties.RateLimit("POST", "/api/incidents", 2, Duration.ofMinutes(1))),
                clock,
                new ProblemResponses());
        authenticate("7b366a2c-c61e-45b5-a282-59cc023cf50b");
        var passed = new AtomicInteger();
        FilterChain chain = (request, response) -> passed.incrementAndGet();

        assertThat(run(filter, "POST", "/api/incidents", chain).getStatus()).isEqualTo(200);
        assertThat(run(filter, "POST", "/api/incidents", chain).getStatus()).isEqualTo(200);
        MockHttpServletResponse limited = run(filter, "POST", "/api/incidents", chain);
        assertThat(run(filter, "GET", "/api/incidents", chain).getStatus()).isEqualTo(200);
        assertThat(run(filter, "POST", "/api/me/lockdown", chain).getStatus()).isEqualTo(200);

        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader("Retry-After")).isEqualTo("30");
        assertThat(limited.getContentType()).startsWith("application/problem+json");
        assertThat(passed).hasValue(4);

        authenticate("9e1f2a6b-7c3d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(run(filter, "POST", "/api/incidents", chain).getStatus()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsAreLeftToTheAuthorizationRules() throws Exception {
        var filter = new RateLimitFilter(
                List.of(new LimitsProperties.RateLimit("GET", "/api/defenders", 1, Duration.ofMinutes(1))),
                clock,
                new ProblemResponses());
        var passed = new AtomicInteger();

        for (int i = 0; i < 5; i++) {
            run(filter, "GET", "/api/defenders", (request, response) -> passed.incrementAndGet());
        }

        assertThat(passed).hasValue(5);
    }

    private static MockHttpServletResponse run(RateLimitFilter filter, String method, String path, FilterChain chain)
            throws Exception {
        var request = new MockHttpServletRequest(method, path);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static void authenticate(String subject) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claims(c -> c.putAll(Map.of("sub", subject, "org", "tigris-legal")))
                .build();
        var user = new Caller(
                new Subject(subject), new OrganisationId("tigris-legal"), Set.of(Role.CASEWORKER), "sanad-demo");
        SecurityContextHolder.getContext().setAuthentication(Callers.authentication(jwt, List.of(), user));
    }
}
