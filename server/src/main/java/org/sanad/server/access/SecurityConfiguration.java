package org.sanad.server.access;

import jakarta.servlet.DispatcherType;
import org.sanad.server.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The API's filter chain (every path under {@code /api}; the pages have their own chain in {@code
 * access.session}) and, through {@link ApiAuthorization}, the API's authorization table. Nested modules add their own filters to it as {@code Customizer<HttpSecurity>} beans
 * (the request limits of {@code access.limits}), which Spring Security applies to every chain. Role checks live here; need-to-know on single
 * records is {@link NeedToKnow}, asked once per request by each module's guard, which answers 404
 * for anything the caller may not see.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        // Tokens only from the Authorization header: never from the query string or a form body.
        var bearerTokens = new DefaultBearerTokenResolver();
        bearerTokens.setAllowUriQueryParameter(false);
        bearerTokens.setAllowFormEncodedBodyParameter(false);

        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                            .permitAll()
                            .requestMatchers(
                                    "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                            .permitAll()
                            .requestMatchers("/api/me")
                            .authenticated();
                    ApiAuthorization.rules(requests);
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(bearerTokens)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenConverter()))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.unauthorized(response, request.getHeader("Authorization") != null))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.unauthorized(response, false))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies, no sessions: a bearer-token API is not exposed to CSRF.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp ->
                                csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; form-action 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
        return http.build();
    }
}
