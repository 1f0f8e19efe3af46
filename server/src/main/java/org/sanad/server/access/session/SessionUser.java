package org.sanad.server.access.session;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.sanad.server.access.Role;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who signed in through the browser, as the session keeps it: the caller established from the
 * login's validated access token (by the same conversion as a bearer request), the instant of
 * the login, and the ID token for signing out at Keycloak. The access and refresh tokens
 * themselves are not kept. Plain strings, so that the stored session holds nothing but these.
 */
final class SessionUser implements OidcUser, Callers.Authenticated, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String organisation;
    private final List<String> roles;
    private final String clientId;
    private final Instant authenticatedAt;
    private final OidcIdToken idToken;

    SessionUser(Caller caller, Instant authenticatedAt, OidcIdToken idToken) {
        this.subject = caller.subject().value();
        this.organisation = caller.organisation().value();
        this.roles = caller.roles().stream().map(Role::name).sorted().toList();
        this.clientId = caller.clientId();
        this.authenticatedAt = authenticatedAt;
        this.idToken = idToken;
    }

    @Override
    public Caller caller() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(name -> set.add(Role.valueOf(name)));
        return new Caller(new Subject(subject), new OrganisationId(organisation), set, clientId);
    }

    /** When Keycloak authenticated the user for this session; a lockdown after it ends the session. */
    Instant authenticatedAt() {
        return authenticatedAt;
    }

    /** Keycloak's session id ({@code sid}), which a back-channel logout names. */
    String keycloakSession() {
        return idToken.getClaimAsString("sid");
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(name -> new SimpleGrantedAuthority(Role.valueOf(name).authority()))
                .toList();
    }

    @Override
    public String getName() {
        return subject;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public String toString() {
        return "SessionUser[" + subject + "]";
    }
}
