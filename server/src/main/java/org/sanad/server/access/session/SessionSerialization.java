package org.sanad.server.access.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import org.springframework.core.serializer.support.SerializationFailedException;

/**
 * Reads session attributes back from PostgreSQL with Java serialization limited to the classes a
 * Sanad session holds (JEP 290 filter): the security context and its sign-in, the CSRF token, and
 * the authorization request of a login in progress. Any other class, and oversized or deeply
 * nested input, is refused before it is instantiated.
 */
final class SessionSerialization {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SessionSerialization.class);

    private static final ObjectInputFilter PATTERNS = ObjectInputFilter.Config.createFilter(String.join(
            ";",
            "maxdepth=20",
            "maxrefs=5000",
            "maxbytes=262144",
            "maxarray=10000",
            "java.lang.*",
            "java.util.*",
            "java.time.*",
            "java.util.concurrent.CopyOnWriteArrayList",
            "org.springframework.web.servlet.FlashMap",
            "org.springframework.util.LinkedMultiValueMap",
            "org.springframework.util.MultiValueMapAdapter",
            "java.net.URL",
            "org.springframework.security.core.**",
            "org.springframework.security.authentication.AbstractAuthenticationToken",
            "org.springframework.security.web.csrf.*",
            "org.springframework.security.web.authentication.WebAuthenticationDetails",
            "org.springframework.security.oauth2.core.**",
            "org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken",
            "org.springframework.security.oauth2.client.OAuth2AuthorizationRequest*",
            "org.springframework.security.oauth2.core.endpoint.*",
            "org.sanad.server.access.session.SessionUser",
            "!*"));

    /** The allow-list, and a log line naming (sanitised) any class it refuses. */
    static final ObjectInputFilter ALLOWED = info -> {
        ObjectInputFilter.Status status = PATTERNS.checkInput(info);
        if (status == ObjectInputFilter.Status.REJECTED && info.serialClass() != null) {
            log.warn(
                    "session attribute refused: class {}",
                    info.serialClass().getName().replaceAll("[^\\w.$\\[;]", "?"));
        }
        return status;
    };

    private SessionSerialization() {}

    static Object read(byte[] bytes) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            // The class name may be all an attacker controls here: never echo it.
            throw new SerializationFailedException("session attribute refused");
        }
    }
}
