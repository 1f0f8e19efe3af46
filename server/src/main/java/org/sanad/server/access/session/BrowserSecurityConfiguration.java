package org.sanad.server.access.session;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanad.server.access.accounts.AccountLockdowns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Sanad in the browser: sign-in through Keycloak (authorization code with PKCE), a session in
 * PostgreSQL instead of tokens in the browser, and the cookie, CSRF, header and sign-out rules of
 * every page. Its filter chain serves every path but the API's, which keeps its own stateless
 * bearer-token chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class BrowserSecurityConfiguration implements WebMvcConfigurer {

    /** The languages of the pages; the first is the default. */
    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ar"), Locale.ENGLISH);

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()," + " interest-cohort=()";

    private final SessionProperties properties;

    BrowserSecurityConfiguration(SessionProperties properties) {
        this.properties = properties;
    }

    /**
     * No inline script or style, nothing from another origin; forms post to Sanad itself, and to
     * Keycloak only through the redirect of signing out.
     */
    static String contentSecurityPolicy(String issuer) {
        URI keycloak = URI.create(issuer);
        String keycloakOrigin = keycloak.getScheme() + "://" + keycloak.getAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; form-action 'self' " + keycloakOrigin
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Bean
    @Order(2)
    SecurityFilterChain browser(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            JwtDecoder accessTokens,
            OAuth2ResourceServerProperties resourceServer,
            AccountLockdowns lockdowns,
            ObjectProvider<Clock> clock)
            throws Exception {
        String issuer = resourceServer.getJwt().getIssuerUri();
        var authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(request -> request.additionalParameters(
                // The password every time, even while Keycloak still has a session: phones are shared.
                parameters -> parameters.put("prompt", "login")));

        http.authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    PageAuthorization.rules(requests);
                })
                .oauth2Login(login -> login.loginPage("/")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                new SignInRequests(authorizationRequests, localeResolver())))
                        .authorizedClientRepository(NO_TOKENS_KEPT)
                        .userInfoEndpoint(userInfo ->
                                userInfo.oidcUserService(new SessionLogin(accessTokens, properties.clientId())))
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, e) ->
                                response.sendRedirect(request.getContextPath() + "/signed-out?reason=refused")))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(
                                new KeycloakSignOut(issuer + "/protocol/openid-connect/logout", properties.clientId()))
                        .invalidateHttpSession(true)
                        .clearAuthentication(true))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BackChannelLogout.PATH))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/"), request -> true)
                        .accessDeniedHandler((request, response, e) -> response.sendError(403)))
                .addFilterAfter(
                        new SessionGuard(
                                lockdowns, properties.absoluteTimeout(), clock.getIfAvailable(Clock::systemUTC)),
                        SecurityContextHolderFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
        return http.build();
    }

    /**
     * Keycloak's browser client for Sanad, written out instead of discovered, so that the server
     * starts while Keycloak is down (as the API does). PKCE is required even though the client is
     * confidential.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(OAuth2ResourceServerProperties resourceServer) {
        String issuer = resourceServer.getJwt().getIssuerUri();
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(SessionProperties.REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(issuer + "/protocol/openid-connect/token")
                .jwkSetUri(resourceServer.getJwt().getJwkSetUri())
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(
                        Map.of("end_session_endpoint", issuer + "/protocol/openid-connect/logout"))
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    /** The access and refresh tokens of a login are not kept: pages call the services directly. */
    private static final OAuth2AuthorizedClientRepository NO_TOKENS_KEPT = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    };

    /** The logout tokens Keycloak posts to {@link BackChannelLogout}: signed by the realm, for this client. */
    @Bean
    BackChannelLogout backChannelLogout(
            OAuth2ResourceServerProperties resourceServer,
            FindByIndexNameSessionRepository<? extends Session> sessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        resourceServer.getJwt().getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        // Keycloak types its logout tokens logout+jwt, as the specification recommends; Spring's
        // default validators would accept only JWT.
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(resourceServer.getJwt().getIssuerUri()),
                new JwtTimestampValidator(),
                new JwtTypeValidator("logout+jwt", "JWT"),
                BackChannelLogout.logoutTokenRules(properties.clientId())));
        return new BackChannelLogout(decoder, sessions);
    }

    @Bean
    CookieSerializer cookieSerializer() {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(properties.sessionCookie());
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(!properties.plainHttp());
        cookie.setSameSite("Lax");
        return cookie;
    }

    /**
     * Session attributes are read back through an allow-list: whoever can write to the session
     * table must not be able to make the server deserialise a class of their choosing.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> allowListedSessionAttributes(
            HashedSessionIds sessionIds) {
        var conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, SessionSerialization::read);
        return repository -> {
            repository.setConversionService(conversions);
            repository.setSessionIdGenerator(sessionIds);
        };
    }

    /** The cookie carries the session's secret; PostgreSQL only its digest ({@link HashedSessionIds}). */
    @Bean
    HashedSessionIds sessionIds(CookieSerializer cookieSerializer) {
        return new HashedSessionIds(cookieSerializer);
    }

    /** The user's language: their choice (a cookie), then {@code Accept-Language}, then Arabic. */
    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(properties.languageCookie());
        resolver.setCookiePath("/");
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSecure(!properties.plainHttp());
        resolver.setCookieSameSite("Lax");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                return LANGUAGES.getFirst();
            }
            for (var range : Collections.list(request.getLocales())) {
                for (Locale language : LANGUAGES) {
                    if (language.getLanguage().equals(range.getLanguage())) {
                        return language;
                    }
                }
            }
            return LANGUAGES.getFirst();
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedLanguagesOnly(change)).excludePathPatterns("/api/**");
    }
}
