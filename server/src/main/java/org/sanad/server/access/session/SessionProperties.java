package org.sanad.server.access.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The browser sign-in and its session.
 *
 * @param clientId Keycloak's browser client for Sanad
 * @param clientSecret its secret; no default, so that a server never runs on the demo secret by accident
 * @param absoluteTimeout a session ends this long after sign-in, however active (the idle timeout
 *     is {@code server.servlet.session.timeout})
 * @param quickExit where the quick-exit control leaves for: a neutral page of another site
 * @param plainHttp drops the {@code Secure} flag and the {@code __Host-} prefix of the cookies, for
 *     a server that only listens on a loopback address and is reached over plain http
 */
@Validated
@ConfigurationProperties("sanad.ui")
record SessionProperties(
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotNull Duration absoluteTimeout,
        @NotNull URI quickExit,
        boolean plainHttp) {

    static final String REGISTRATION = "keycloak";

    String sessionCookie() {
        return plainHttp ? "sanad-session" : "__Host-sanad-session";
    }

    String languageCookie() {
        return plainHttp ? "sanad-lang" : "__Host-sanad-lang";
    }
}
