package org.sanad.server.access.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.sanad.server.access.accounts.AccountLockdowns;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session on the first request after its account was locked down, and once it is
 * older than the absolute timeout. The lockdown is read from PostgreSQL on every request (as for
 * every bearer token), so a lockdown made through any replica, the API or a supervisor holds on
 * every replica at once.
 */
final class SessionGuard extends OncePerRequestFilter {

    private final AccountLockdowns lockdowns;
    private final Duration absoluteTimeout;
    private final Clock clock;

    SessionGuard(AccountLockdowns lockdowns, Duration absoluteTimeout, Clock clock) {
        this.lockdowns = lockdowns;
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SessionUser user) {
            HttpSession session = request.getSession(false);
            String ended = null;
            if (lockdowns.refuses(user.getName(), user.authenticatedAt())) {
                ended = "locked";
            } else if (session != null && clock.millis() - session.getCreationTime() > absoluteTimeout.toMillis()) {
                ended = "expired";
            }
            if (ended != null) {
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/signed-out?reason=" + ended);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
