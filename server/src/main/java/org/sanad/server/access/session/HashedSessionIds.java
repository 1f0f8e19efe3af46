package org.sanad.server.access.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Keeps the session's secret in the cookie and only its SHA-256 in PostgreSQL: whoever reads the
 * session table cannot present a live session. A new session (and each new id at sign-in) gets
 * 256 random bits as its cookie value; the table's {@code session_id} is the digest of that value,
 * and every request's cookie is hashed before the session is looked up.
 */
final class HashedSessionIds implements SessionIdGenerator, HttpSessionIdResolver {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    /** The stored id, like Spring Session's own, fits its 36 characters: 216 bits of the digest. */
    private static final int STORED_LENGTH = 36;

    private static final String SECRET = HashedSessionIds.class.getName() + ".secret.";

    private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

    HashedSessionIds(CookieSerializer serializer) {
        cookies.setCookieSerializer(serializer);
    }

    /** The id a session is stored under, for the secret a cookie carries. */
    static String stored(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return BASE64.encodeToString(digest).substring(0, STORED_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Called by the repository on the request's thread, when it creates a session or changes its id. */
    @Override
    public String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = BASE64.encodeToString(bytes);
        String id = stored(secret);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SECRET + id, secret, RequestAttributes.SCOPE_REQUEST);
        }
        return id;
    }

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
        return cookies.resolveSessionIds(request).stream()
                .map(HashedSessionIds::stored)
                .toList();
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        if (request.getAttribute(SECRET + sessionId) instanceof String secret) {
            cookies.setSessionId(request, response, secret);
        } else {
            // No secret for this id on this request: never write the stored id as a cookie.
            cookies.expireSession(request, response);
        }
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        cookies.expireSession(request, response);
    }
}
