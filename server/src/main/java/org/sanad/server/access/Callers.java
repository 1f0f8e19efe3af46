package org.sanad.server.access;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

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
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no authenticated caller"));
    }

    /**
     * The authentication that makes a validated token the given caller: what the services see of
     * a request, whatever authenticated it.
     */
    public static JwtAuthenticationToken authentication(
            Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        return new SanadAuthentication(jwt, authorities, caller);
    }

    /** The authenticated caller, if the request has one by now. */
    public static Optional<Caller> find() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SanadAuthentication authentication) {
            return Optional.of(authentication.user());
        }
        return Optional.empty();
    }
}
