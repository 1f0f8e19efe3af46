package org.sanad.server.access;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request, from the security context. Controllers receive the caller as
 * an argument instead; this lookup is for the places no argument reaches: filters, and the
 * revision listener Hibernate calls.
 */
public final class Callers {

    private Callers() {}

    /**
     * The authenticated caller.
     *
     * @throws AuthenticationCredentialsNotFoundException when the request carries no validated token
     */
    public static Caller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SanadAuthentication authentication) {
            return authentication.user();
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
    }
}
