package org.sanad.server.access;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which roles may call which endpoint. A role that passes here still sees only
 * what need-to-know ({@link NeedToKnow}) allows; a role that fails gets 403.
 */
final class ApiAuthorization {

    private static final String DEFENDER = Role.DEFENDER.name();
    private static final String CASEWORKER = Role.CASEWORKER.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    private ApiAuthorization() {}

    static void rules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        // Emergency lockdown of one's own account: anyone, whatever their role. Lockdown and unlock
        // of others: supervisors, within their organisation (checked by AccountLockdowns: 404 for
        // any other organisation).
        requests.requestMatchers(POST, "/api/audit/verify")
                .hasAnyRole(SUPERVISOR, ADMIN)
                .requestMatchers(GET, "/api/audit/public-key")
                .hasAnyRole(SUPERVISOR, ADMIN)
                .requestMatchers(POST, "/api/me/lockdown")
                .authenticated()
                .requestMatchers(GET, "/api/me/access-log")
                .hasRole(DEFENDER)
                .requestMatchers(POST, "/api/users/*/lockdown", "/api/users/*/unlock")
                .hasRole(SUPERVISOR)
                .requestMatchers(POST, "/api/break-glass")
                .hasRole(SUPERVISOR)
                .requestMatchers(GET, "/api/break-glass")
                .hasRole(SUPERVISOR)
                .requestMatchers(POST, "/api/defenders")
                .hasAnyRole(DEFENDER, CASEWORKER, SUPERVISOR)
                .requestMatchers(GET, "/api/defenders")
                .hasAnyRole(CASEWORKER, SUPERVISOR)
                .requestMatchers(DELETE, "/api/defenders/*/personal-data")
                .hasRole(SUPERVISOR)
                .requestMatchers(GET, "/api/defenders/*", "/api/defenders/*/history")
                .hasAnyRole(DEFENDER, CASEWORKER, SUPERVISOR)
                .requestMatchers(PATCH, "/api/defenders/*")
                .hasAnyRole(DEFENDER, CASEWORKER, SUPERVISOR)
                .requestMatchers(POST, "/api/incidents")
                .hasAnyRole(DEFENDER, CASEWORKER)
                .requestMatchers(GET, "/api/incidents", "/api/incidents/*", "/api/incidents/*/history")
                .hasAnyRole(DEFENDER, CASEWORKER, SUPERVISOR)
                .requestMatchers(POST, "/api/incidents/*/triage")
                .hasRole(CASEWORKER)
                .requestMatchers(POST, "/api/cases")
                .hasRole(CASEWORKER)
                .requestMatchers(GET, "/api/cases/*", "/api/cases/*/history")
                .hasAnyRole(DEFENDER, CASEWORKER, SUPERVISOR)
                .requestMatchers(POST, "/api/cases/*/assignees", "/api/cases/*/notes", "/api/cases/*/referrals")
                .hasAnyRole(CASEWORKER, SUPERVISOR)
                .requestMatchers(POST, "/api/cases/*/status")
                .hasAnyRole(CASEWORKER, SUPERVISOR)
                .requestMatchers(GET, "/api/referrals/*", "/api/referrals/*/history")
                .hasAnyRole(DEFENDER, CASEWORKER, SUPERVISOR)
                .requestMatchers(
                        POST,
                        "/api/referrals/*/accept",
                        "/api/referrals/*/decline",
                        "/api/referrals/*/withdraw",
                        "/api/referrals/*/close")
                .hasAnyRole(CASEWORKER, SUPERVISOR)
                // Reading the organisation's access log, revisions and anomaly flags (and any later
                // GET under /api/audit): its supervisors only; every query is limited to the
                // caller's organisation in the audit module.
                .requestMatchers(GET, "/api/audit/**")
                .hasRole(SUPERVISOR);
    }
}
