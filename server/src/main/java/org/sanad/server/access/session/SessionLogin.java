package org.sanad.server.access.session;

import java.time.Instant;
import org.sanad.server.access.Caller;
import org.sanad.server.access.Callers;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Turns a completed browser login into the session's caller. The access token Keycloak issued
 * for the login goes through the API's own decoder (signature, issuer, audience, allowed client,
 * lockdown) and the API's own conversion to a {@link Caller}, so a session sees exactly what a
 * bearer request with that token would; then the token is dropped. Spring Security has checked
 * the ID token (signature, issuer, audience, nonce) before this runs.
 */
final class SessionLogin implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final JwtDecoder accessTokens;
    private final String clientId;

    SessionLogin(JwtDecoder accessTokens, String clientId) {
        this.accessTokens = accessTokens;
        this.clientId = clientId;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        Jwt access;
        try {
            access = accessTokens.decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            throw refused();
        }
        Caller caller = Callers.fromToken(access);
        OidcIdToken idToken = request.getIdToken();
        if (!clientId.equals(caller.clientId()) || !caller.subject().value().equals(idToken.getSubject())) {
            throw refused();
        }
        Instant authenticatedAt =
                idToken.getAuthenticatedAt() != null ? idToken.getAuthenticatedAt() : access.getIssuedAt();
        return new SessionUser(caller, authenticatedAt, idToken);
    }

    private static OAuth2AuthenticationException refused() {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied"));
    }
}
