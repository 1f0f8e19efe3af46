package org.sanad.server.access.session;

import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenID Connect back-channel logout: Keycloak posts a signed logout token when a user's session
 * ends there (sign-out elsewhere, an administrator, a lockdown), and the Sanad sessions of that
 * Keycloak session end with it. Sessions are found in PostgreSQL by subject, so whichever replica
 * Keycloak reaches ends sessions served by every replica.
 */
@RestController
final class BackChannelLogout {

    static final String PATH = "/logout/connect/back-channel/" + SessionProperties.REGISTRATION;

    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final JwtDecoder logoutTokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    BackChannelLogout(JwtDecoder logoutTokens, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.logoutTokens = logoutTokens;
        this.sessions = sessions;
    }

    /** What makes a JWT a logout token for this client (OpenID Connect Back-Channel Logout 1.0, §2.6). */
    static OAuth2TokenValidator<Jwt> logoutTokenRules(String clientId) {
        return token -> {
            boolean valid = token.getAudience() != null
                    && token.getAudience().contains(clientId)
                    && token.getSubject() != null
                    && token.getIssuedAt() != null
                    && !token.hasClaim("nonce")
                    && token.getClaims().get("events") instanceof Map<?, ?> events
                    && events.containsKey(EVENT);
            return valid
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_request"));
        };
    }

    @PostMapping(path = PATH, consumes = "application/x-www-form-urlencoded")
    ResponseEntity<Void> logout(@RequestParam("logout_token") String logoutToken) {
        Jwt token;
        try {
            token = logoutTokens.decode(logoutToken);
        } catch (JwtException e) {
            return ResponseEntity.badRequest()
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        String keycloakSession = token.getClaimAsString("sid");
        List<String> ended = sessions.findByPrincipalName(token.getSubject()).entrySet().stream()
                .filter(entry -> keycloakSession == null || keycloakSession.equals(sidOf(entry.getValue())))
                .map(Map.Entry::getKey)
                .toList();
        ended.forEach(sessions::deleteById);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }

    private static String sidOf(Session session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext security
                && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof SessionUser user) {
            return user.keycloakSession();
        }
        return null;
    }
}
