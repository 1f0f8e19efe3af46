package org.sanad.server.access;

import java.util.Locale;
import java.util.Optional;

/** The Keycloak realm roles Sanad knows. Any other role in a token is ignored. */
public enum Role {
    DEFENDER,
    CASEWORKER,
    SUPERVISOR,
    ADMIN;

    /** The realm role name as it appears in Keycloak and in tokens. */
    public String realmRole() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority this role maps to. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromRealmRole(String name) {
        for (Role role : values()) {
            if (role.realmRole().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
