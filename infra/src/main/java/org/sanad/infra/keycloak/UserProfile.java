package org.sanad.infra.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * The declarative user profile of realm sanad. Its point is the attribute {@code org}: only an
 * administrator may see or set it, so that users cannot move themselves into another
 * organisation. Users may edit their e-mail and names, never their username.
 */
final class UserProfile {

    private UserProfile() {}

    static Map<String, Object> definition() {
        var user = List.of("admin", "user");
        var adminOnly = List.of("admin");
        return ordered(
                "attributes",
                List.of(
                        attribute(
                                "username",
                                "${username}",
                                ordered(
                                        "length", ordered("min", 3, "max", 255),
                                        "username-prohibited-characters", Map.of(),
                                        "up-username-not-idn-homograph", Map.of()),
                                null,
                                user,
                                adminOnly),
                        attribute(
                                "email",
                                "${email}",
                                ordered("email", Map.of(), "length", ordered("max", 255)),
                                ordered("roles", List.of("user")),
                                user,
                                user),
                        attribute(
                                "firstName",
                                "${firstName}",
                                ordered("length", ordered("max", 255), "person-name-prohibited-characters", Map.of()),
                                ordered("roles", List.of("user")),
                                user,
                                user),
                        attribute(
                                "lastName",
                                "${lastName}",
                                ordered("length", ordered("max", 255), "person-name-prohibited-characters", Map.of()),
                                ordered("roles", List.of("user")),
                                user,
                                user),
                        attribute(
                                SanadRealm.ORGANISATION_ATTRIBUTE,
                                "Organisation",
                                ordered(
                                        "length", ordered("min", 2, "max", 64),
                                        "pattern",
                                                ordered(
                                                        "pattern",
                                                        "^[a-z0-9][a-z0-9-]*$",
                                                        "error-message",
                                                        "organisation ids are lower-case letters, digits and"
                                                                + " dashes")),
                                null,
                                adminOnly,
                                adminOnly)),
                "groups",
                List.of(ordered(
                        "name", "user-metadata",
                        "displayHeader", "User metadata",
                        "displayDescription", "Attributes, which refer to user metadata")));
    }

    /** The profile as Keycloak stores it in the realm file. */
    static String json() {
        try {
            return Json.COMPACT.writeValueAsString(definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The profile as the admin API takes it. */
    static UPConfig config() {
        return Json.COMPACT.convertValue(definition(), UPConfig.class);
    }

    private static Map<String, Object> attribute(
            String name,
            String displayName,
            Map<String, Object> validations,
            Map<String, Object> required,
            List<String> view,
            List<String> edit) {
        var attribute = new LinkedHashMap<String, Object>();
        attribute.put("name", name);
        attribute.put("displayName", displayName);
        attribute.put("validations", validations);
        if (required != null) {
            attribute.put("required", required);
        }
        attribute.put("permissions", ordered("view", view, "edit", edit));
        attribute.put("multivalued", false);
        return attribute;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
