package org.sanad.server.access;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer token together with the {@link CurrentUser} it stands for. */
final class SanadAuthentication extends JwtAuthenticationToken {

    private final CurrentUser user;

    SanadAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, CurrentUser user) {
        super(jwt, authorities, user.subject());
        this.user = user;
    }

    CurrentUser user() {
        return user;
    }
}
