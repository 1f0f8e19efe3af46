package org.sanad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** How a validated token becomes a caller: only Sanad's realm roles count. */
class TokenConverterTests {

    @Test
    void onlySanadRealmRolesBecomeAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claims(c -> {
                    c.put("sub", "7b366a2c-c61e-45b5-a282-59cc023cf50b");
                    c.put("org", "tigris-legal");
                    c.put("realm_access", Map.of("roles", List.of("caseworker", "offline_access", "ADMIN", 42)));
                })
                .build();

        assertThat(TokenConverter.realmRoles(jwt)).containsExactly(Role.CASEWORKER);
    }
}
