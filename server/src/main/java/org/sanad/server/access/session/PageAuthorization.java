package org.sanad.server.access.session;

import static org.springframework.http.HttpMethod.POST;

import org.sanad.server.access.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which roles may open which pages: the pages' counterpart of the API's table. As in the API, a
 * role that passes here still sees only what need-to-know allows (the pages call the same
 * services), and a role that fails gets 403.
 */
final class PageAuthorization {

    private static final String DEFENDER = Role.DEFENDER.name();
    private static final String CASEWORKER = Role.CASEWORKER.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();

    private PageAuthorization() {}

    static void rules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/", "/signed-out", "/exit", "/assets/**", "/fonts/**", "/favicon.ico", "/error")
                .permitAll()
                // Keycloak's server-to-server call; the logout token it carries is the credential.
                .requestMatchers(POST, BackChannelLogout.PATH)
                .permitAll()
                .requestMatchers("/me/**")
                .hasRole(DEFENDER)
                .requestMatchers("/staff/**")
                .hasAnyRole(CASEWORKER, SUPERVISOR)
                .requestMatchers("/account/**")
                .authenticated()
                .anyRequest()
                .authenticated();
    }
}
