package org.sanad.server.access.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After Sanad's session ended, ends the Keycloak session too (OpenID Connect RP-initiated logout),
 * so that the next sign-in on a shared phone asks for the password again; Keycloak then sends the
 * browser back to Sanad's home page, the one address registered for that.
 */
final class KeycloakSignOut implements LogoutSuccessHandler {

    private final String endSessionEndpoint;
    private final String clientId;

    KeycloakSignOut(String endSessionEndpoint, String clientId) {
        this.endSessionEndpoint = endSessionEndpoint;
        this.clientId = clientId;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String home = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/")
                .build()
                .toUriString();
        if (authentication == null || !(authentication.getPrincipal() instanceof SessionUser user)) {
            response.sendRedirect(home);
            return;
        }
        String endSession = UriComponentsBuilder.fromUriString(endSessionEndpoint)
                .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                .queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", home)
                .encode()
                .build()
                .toUriString();
        response.sendRedirect(endSession);
    }
}
