package org.sanad.server.testing;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The test Keycloak's bootstrap admin (realm master), for fixtures that must not disturb the demo
 * users other tests rely on: throwaway users, throwaway realms.
 */
public final class KeycloakAdmin {

    private static Keycloak admin;

    private KeycloakAdmin() {}

    /** The bootstrap admin's client, created once per test JVM. */
    public static synchronized Keycloak client() {
        if (admin == null) {
            admin = KeycloakBuilder.builder()
                    .serverUrl(env("SANAD_KEYCLOAK_URL"))
                    .realm("master")
                    .clientId("admin-cli")
                    .username("admin")
                    .password(env("KEYCLOAK_ADMIN_PASSWORD"))
                    .build();
        }
        return admin;
    }

    public static RealmResource sanad() {
        return client().realm("sanad");
    }

    /** A user made for one test, with the demo password, one organisation and one realm role. */
    public record TestUser(String subject, String username) {}

    /** Creates a fully set-up user in realm sanad who can log in through the demo client. */
    public static TestUser createUser(String role, String organisation) {
        String username = "test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@test.sanad.invalid");
        user.setEmailVerified(true);
        user.setFirstName("Test");
        user.setLastName("User " + role);
        user.setAttributes(Map.of("org", List.of(organisation)));
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(org.sanad.server.testing.Keycloak.DEMO_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String subject;
        try (Response response = sanad().users().create(user)) {
            subject = CreatedResponseUtil.getCreatedId(response);
        }
        sanad().users()
                .get(subject)
                .roles()
                .realmLevel()
                .add(List.of(sanad().roles().get(role).toRepresentation()));
        return new TestUser(subject, username);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the tests with infra/bin/sanad-test");
        }
        return value;
    }
}
