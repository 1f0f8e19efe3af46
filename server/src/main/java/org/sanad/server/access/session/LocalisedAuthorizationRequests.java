package org.sanad.server.access.session;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;

/** Asks Keycloak to show its login page in the language the user chose in Sanad ({@code ui_locales}). */
final class LocalisedAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    private final OAuth2AuthorizationRequestResolver delegate;
    private final LocaleResolver languages;

    LocalisedAuthorizationRequests(OAuth2AuthorizationRequestResolver delegate, LocaleResolver languages) {
        this.delegate = delegate;
        this.languages = languages;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return localised(delegate.resolve(request), request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return localised(delegate.resolve(request, clientRegistrationId), request);
    }

    private OAuth2AuthorizationRequest localised(OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        String language = languages.resolveLocale(request).getLanguage();
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put("ui_locales", language))
                .build();
    }
}
