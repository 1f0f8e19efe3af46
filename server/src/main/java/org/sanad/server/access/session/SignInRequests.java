package org.sanad.server.access.session;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What Sanad asks of Keycloak at every sign-in: the password every time, even while Keycloak still
 * has a session ({@code prompt=login}: phones are shared), and the login page in the language the
 * user chose in Sanad ({@code ui_locales}).
 */
final class SignInRequests implements OAuth2AuthorizationRequestResolver {

    private final OAuth2AuthorizationRequestResolver delegate;
    private final LocaleResolver languages;

    SignInRequests(OAuth2AuthorizationRequestResolver delegate, LocaleResolver languages) {
        this.delegate = delegate;
        this.languages = languages;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withParameters(delegate.resolve(request), request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withParameters(delegate.resolve(request, clientRegistrationId), request);
    }

    private OAuth2AuthorizationRequest withParameters(
            OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        String language = languages.resolveLocale(request).getLanguage();
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> {
                    parameters.put("prompt", "login");
                    parameters.put("ui_locales", language);
                })
                .build();
    }
}
