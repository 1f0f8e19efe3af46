package org.sanad.server.access;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, for services that must decide need-to-know. */
public final class Callers {

    private Callers() {}

    /**
     * The authenticated caller.
     *
     * @throws AuthenticationCredentialsNotFoundException when the request carries no validated token
     */
    public static CurrentUser current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SanadAuthentication authentication) {
            return authentication.user();
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
    }
}
