package org.sanad.server.access;

import java.util.Collection;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
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

    /**
     * The caller a validated access token stands for: the one conversion from a token to a caller,
     * used for bearer requests and, once at sign-in, for browser sessions.
     */
    public static Caller fromToken(Jwt jwt) {
        return new TokenConverter().caller(jwt);
    }

    /** A principal that knows its caller: how a browser session's sign-in is found again. */
    public interface Authenticated {
        Caller caller();
    }

    /** The authenticated caller, if the request has one by now, from a bearer token or a browser session. */
    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof SanadAuthentication bearer) {
            return Optional.of(bearer.user());
        }
        if (authentication != null && authentication.getPrincipal() instanceof Authenticated session) {
            return Optional.of(session.caller());
        }
        return Optional.empty();
    }
}
