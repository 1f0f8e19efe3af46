package org.sanad.server.access.limits;

import java.time.Clock;
import org.sanad.server.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/** Request body size limit (servlet filter, before security) and the per-subject rate limits. */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(
            LimitsProperties properties, ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(), problems));
        // After the request id and request context filters (so that the problem names the request),
        // before Spring Security (-100) and anything that reads bodies.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    RateLimitFilter rateLimitFilter(
            LimitsProperties properties, ProblemResponses problems, ObjectProvider<Clock> clock) {
        return new RateLimitFilter(properties.rateLimits(), clock.getIfAvailable(Clock::systemUTC), problems);
    }

    /** Per-subject rate limits inside Spring Security's chain, once the token has told who the subject is. */
    @Bean
    Customizer<HttpSecurity> rateLimitsAfterTheToken(RateLimitFilter filter) {
        return http -> http.addFilterAfter(filter, BearerTokenAuthenticationFilter.class);
    }

    /** Keeps the rate-limit filter out of the servlet chain: it runs inside Spring Security's. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterNotInServletChain(RateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
