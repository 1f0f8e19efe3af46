package org.sanad.server.access.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.sanad.server.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-subject rate limits on the routes of {@link LimitsProperties#rateLimits()}. Runs after the
 * bearer token is validated, so that the limit follows the authenticated subject; anonymous
 * requests are refused by the authorization rules anyway.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_BUCKETS_PER_RULE = 100_000;

    private record Rule(RequestMatcher matcher, RateLimiter limiter) {}

    private final List<Rule> rules;
    private final ProblemResponses problems;

    RateLimitFilter(List<LimitsProperties.RateLimit> limits, Clock clock, ProblemResponses problems) {
        this.rules = limits.stream()
                .map(limit -> new Rule(
                        PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.valueOf(limit.method()), limit.pattern()),
                        new RateLimiter(limit.requests(), limit.per(), clock, MAX_BUCKETS_PER_RULE)))
                .toList();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Callers.find();
        if (caller.isPresent()) {
            for (Rule rule : rules) {
                if (rule.matcher().matches(request)) {
                    Optional<Duration> wait =
                            rule.limiter().acquire(caller.get().subject().value());
                    if (wait.isPresent()) {
                        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                        problems.write(response, HttpStatus.TOO_MANY_REQUESTS);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
