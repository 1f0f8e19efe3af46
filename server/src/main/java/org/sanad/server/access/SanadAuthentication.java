package org.sanad.server.access;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer token together with the {@link Caller} it stands for. */
final class SanadAuthentication extends JwtAuthenticationToken {

    private final Caller user;

    SanadAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller user) {
        super(jwt, authorities, user.subject().value());
        this.user = user;
    }

    Caller user() {
        return user;
    }
}
