package org.sanad.server.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanad.server.common.identity.OrganisationId;
import org.sanad.server.common.identity.Subject;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a validated Keycloak access token into a {@link SanadAuthentication}. */
final class TokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller user = caller(jwt);
        var authorities = user.roles().stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return new SanadAuthentication(jwt, authorities, user);
    }

    Caller caller(Jwt jwt) {
        return new Caller(
                new Subject(jwt.getSubject()),
                new OrganisationId(jwt.getClaimAsString("org")),
                realmRoles(jwt),
                jwt.getClaimAsString("azp"));
    }

    static Set<Role> realmRoles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String s) {
                    Role.fromRealmRole(s).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::realmRole).sorted().toList();
    }
}
