package org.sanad.server.access.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The language switch ({@code ?lang=}), for the languages Sanad has pages in and no other. */
final class SupportedLanguagesOnly implements HandlerInterceptor {

    private final LocaleChangeInterceptor change;

    SupportedLanguagesOnly(LocaleChangeInterceptor change) {
        this.change = change;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String wanted = request.getParameter(change.getParamName());
        boolean supported = wanted != null
                && BrowserSecurityConfiguration.LANGUAGES.stream()
                        .map(Locale::getLanguage)
                        .anyMatch(wanted::equals);
        return !supported || change.preHandle(request, response, handler);
    }
}
