package org.sanad.infra.keycloak;

import java.util.Map;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * How the command-line tools reach Keycloak's admin API, from the environment:
 * {@code SANAD_KEYCLOAK_URL} (default {@code http://localhost:18080}) and either
 * {@code SANAD_PROVISIONER_SECRET} (the sanad-provisioner service account, client credentials;
 * enough for onboarding and offboarding) or {@code KEYCLOAK_ADMIN_PASSWORD} (the bootstrap admin
 * {@code admin} of realm master; needed to apply the realm).
 */
final class AdminConnection {

    private AdminConnection() {}

    static String serverUrl(Map<String, String> env) {
        return env.getOrDefault("SANAD_KEYCLOAK_URL", "http://localhost:18080");
    }

    /** The provisioner's service account when its secret is set, else the bootstrap admin. */
    static Keycloak forUsers(Map<String, String> env, String realm) {
        String secret = env.get("SANAD_PROVISIONER_SECRET");
        if (secret != null && !secret.isBlank()) {
            return KeycloakBuilder.builder()
                    .serverUrl(serverUrl(env))
                    .realm(realm)
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(SanadRealm.PROVISIONER_CLIENT)
                    .clientSecret(secret)
                    .build();
        }
        return bootstrapAdmin(env);
    }

    static Keycloak bootstrapAdmin(Map<String, String> env) {
        String password = env.get("KEYCLOAK_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("set SANAD_PROVISIONER_SECRET or KEYCLOAK_ADMIN_PASSWORD");
        }
        return KeycloakBuilder.builder()
                .serverUrl(serverUrl(env))
                .realm("master")
                .clientId("admin-cli")
                .username(env.getOrDefault("KEYCLOAK_ADMIN_USER", "admin"))
                .password(password)
                .build();
    }
}
