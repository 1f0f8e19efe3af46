package org.sanad.server.access.accounts;

import jakarta.ws.rs.client.ClientBuilder;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.ClientBuilderWrapper;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.sanad.server.access.token.TokenValidators;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;

/** The Keycloak admin client of the lockdown, and the token check that enforces a lockdown. */
@Configuration(proxyBeanMethods = false)
class LockdownConfiguration {

    /**
     * A client-credentials admin client for the sanad-provisioner service account, with bounded
     * timeouts: a hanging Keycloak must not hold a lockdown request forever.
     */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakAdminProperties admin) {
        ClientBuilder http = ClientBuilderWrapper.create(null, false)
                .connectTimeout(admin.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(admin.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new JacksonProvider(), 100);
        if (http instanceof ResteasyClientBuilder resteasy) {
            resteasy.connectionPoolSize(10)
                    .connectionCheckoutTimeout(admin.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        return KeycloakBuilder.builder()
                .serverUrl(admin.serverUrl().toString())
                .realm(admin.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(admin.clientId())
                .clientSecret(admin.clientSecret())
                .resteasyClient(http.build())
                .build();
    }

    @Bean
    KeycloakAccounts keycloakAccounts(Keycloak keycloakAdmin, KeycloakAdminProperties admin) {
        return new KeycloakAccounts(keycloakAdmin, admin.realm());
    }

    @Bean
    AccountLockdowns accountLockdowns(
            AccountLocks locks,
            KeycloakAccounts keycloakAccounts,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock) {
        return new AccountLockdowns(locks, keycloakAccounts, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Refuses tokens issued before a lockdown of their subject, and every token of a locked one. */
    @Bean
    OAuth2TokenValidator<Jwt> notLockedDown(AccountLockdowns lockdowns, ObjectProvider<Clock> clock) {
        return TokenValidators.notLockedDown(lockdowns::refuses, clock.getIfAvailable(Clock::systemUTC));
    }
}
