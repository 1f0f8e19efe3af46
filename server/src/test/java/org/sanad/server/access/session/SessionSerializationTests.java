package org.sanad.server.access.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** Session attributes read back from PostgreSQL: the classes a session holds, and nothing else. */
class SessionSerializationTests {

    private static byte[] serialised(Object value) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void theSessionsOwnAttributesReadBack() throws IOException {
        var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-value");
        assertThat(SessionSerialization.read(serialised(token))).isInstanceOf(DefaultCsrfToken.class);
        assertThat(SessionSerialization.read(serialised(new SecurityContextImpl())))
                .isInstanceOf(SecurityContextImpl.class);
    }

    @Test
    void aSignedInSessionReadsBackWithItsCaller() throws IOException {
        var caller = new org.sanad.server.access.Caller(
                new org.sanad.server.common.identity.Subject("2f1c1b9e-1c1d-4a8e-9d55-0a7c2b1e4f10"),
                new org.sanad.server.common.identity.OrganisationId("tigris-legal"),
                java.util.Set.of(org.sanad.server.access.Role.DEFENDER),
                "sanad-web");
        var idToken = org.springframework.security.oauth2.core.oidc.OidcIdToken.withTokenValue("id-token")
                .subject(caller.subject().value())
                .issuer("http://localhost:18081/realms/sanad")
                .audience(List.of("sanad-web"))
                .issuedAt(java.time.Instant.parse("2026-12-02T10:00:00Z"))
                .expiresAt(java.time.Instant.parse("2026-12-02T10:05:00Z"))
                .claim("sid", "keycloak-session")
                .build();
        var user = new SessionUser(caller, java.time.Instant.parse("2026-12-02T10:00:00Z"), idToken);
        var authentication = new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(
                user, user.getAuthorities(), "keycloak");
        var context = new SecurityContextImpl(authentication);

        Object read = SessionSerialization.read(serialised(context));

        var principal =
                (SessionUser) ((SecurityContextImpl) read).getAuthentication().getPrincipal();
        assertThat(principal.caller()).isEqualTo(caller);
        assertThat(principal.keycloakSession()).isEqualTo("keycloak-session");
    }

    /** The message shown once after a redirect ("Saved.") lives in the session until then. */
    @Test
    void flashAttributesReadBack() throws IOException {
        var flash = new org.springframework.web.servlet.FlashMap();
        flash.put("saved", true);
        flash.addTargetRequestParam("x", "1");
        var list = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(flash));
        assertThat(SessionSerialization.read(serialised(list))).isEqualTo(list);
    }

    /** A row written by whoever can write the session table cannot make the server build other classes. */
    @Test
    void aClassOutsideTheAllowListIsRefusedBeforeItIsBuilt() throws IOException {
        assertThatThrownBy(() -> SessionSerialization.read(serialised(new File("/etc/passwd"))))
                .isInstanceOf(SerializationFailedException.class)
                .hasMessageNotContaining("File");
        assertThatThrownBy(() -> SessionSerialization.read(serialised(new Smuggled())))
                .isInstanceOf(SerializationFailedException.class);
        // Inside an allowed container too.
        List<Object> list = new ArrayList<>(List.of(new Smuggled()));
        assertThatThrownBy(() -> SessionSerialization.read(serialised(list)))
                .isInstanceOf(SerializationFailedException.class);
    }

    @Test
    void deeplyNestedInputIsRefused() throws IOException {
        List<Object> nested = new ArrayList<>();
        List<Object> current = nested;
        for (int i = 0; i < 50; i++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        assertThatThrownBy(() -> SessionSerialization.read(serialised(nested)))
                .isInstanceOf(SerializationFailedException.class);
    }

    static final class Smuggled implements Serializable {}
}
