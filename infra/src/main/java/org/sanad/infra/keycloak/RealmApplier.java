package org.sanad.infra.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Applies a realm definition of {@link SanadRealm} to a running Keycloak through the admin API,
 * idempotently: a realm that already matches is left exactly as it is, and one that drifted is
 * brought back to the definition.
 *
 * <p>What it owns: the realm's settings as far as the definition sets them, its realm roles, the
 * clients of the definition (settings, secret, protocol mappers; mappers the definition does not
 * name are removed), the provisioner's realm-management roles, the user profile and the
 * {@code CONFIGURE_TOTP} required action. What it leaves alone: clients, roles and users it does
 * not define. Users of the definition (the demo users) are created when missing and never changed
 * afterwards, so that an apply never resets a password.
 */
public final class RealmApplier {

    private final Keycloak keycloak;

    public RealmApplier(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** What an apply did, for the operator. */
    public record Outcome(boolean created, List<String> changes) {}

    public Outcome apply(RealmRepresentation definition) {
        String name = definition.getRealm();
        if (!exists(name)) {
            keycloak.realms().create(definition);
            RealmResource realm = keycloak.realm(name);
            enableTotp(realm, new ArrayList<>());
            return new Outcome(true, List.of("realm created"));
        }
        RealmResource realm = keycloak.realm(name);
        List<String> changes = new ArrayList<>();
        applySettings(realm, definition, changes);
        applyRoles(realm, definition, changes);
        for (ClientRepresentation client : definition.getClients()) {
            applyClient(realm, client, changes);
        }
        applyServiceAccountRoles(realm, definition, changes);
        applyUserProfile(realm, changes);
        enableTotp(realm, changes);
        createMissingUsers(realm, definition, changes);
        return new Outcome(false, List.copyOf(changes));
    }

    private boolean exists(String name) {
        try {
            keycloak.realm(name).toRepresentation();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void applySettings(RealmResource realm, RealmRepresentation definition, List<String> changes) {
        Map<String, Object> wanted = Json.COMPACT.convertValue(settingsOnly(definition), Map.class);
        Map<String, Object> current = Json.COMPACT.convertValue(realm.toRepresentation(), Map.class);
        List<String> differing = new ArrayList<>();
        wanted.forEach((key, value) -> {
            if (key.equals("attributes")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = (Map<String, Object>) value;
                Object currentAttributes = current.get("attributes");
                attributes.forEach((attribute, attributeValue) -> {
                    if (!(currentAttributes instanceof Map<?, ?> map)
                            || !Objects.equals(map.get(attribute), attributeValue)) {
                        differing.add("attributes." + attribute);
                    }
                });
            } else if (!Objects.equals(value, current.get(key))) {
                differing.add(key);
            }
        });
        if (!differing.isEmpty()) {
            realm.update(settingsOnly(definition));
            changes.add("realm settings " + differing);
        }
    }

    /** The realm's own settings, without the parts applied one by one. */
    private static RealmRepresentation settingsOnly(RealmRepresentation definition) {
        RealmRepresentation settings = Json.COMPACT.convertValue(definition, RealmRepresentation.class);
        settings.setRoles(null);
        settings.setClients(null);
        settings.setUsers(null);
        settings.setComponents(null);
        return settings;
    }

    private static void applyRoles(RealmResource realm, RealmRepresentation definition, List<String> changes) {
        for (RoleRepresentation role : definition.getRoles().getRealm()) {
            Optional<RoleRepresentation> current = realm.roles().list().stream()
                    .filter(r -> r.getName().equals(role.getName()))
                    .findFirst();
            if (current.isEmpty()) {
                realm.roles().create(role);
                changes.add("role " + role.getName() + " created");
            } else if (!Objects.equals(current.get().getDescription(), role.getDescription())) {
                RoleRepresentation updated = current.get();
                updated.setDescription(role.getDescription());
                realm.roles().get(role.getName()).update(updated);
                changes.add("role " + role.getName() + " updated");
            }
        }
    }

    private static void applyClient(RealmResource realm, ClientRepresentation wanted, List<String> changes) {
        List<ClientRepresentation> found = realm.clients().findByClientId(wanted.getClientId());
        if (found.isEmpty()) {
            try (Response response = realm.clients().create(wanted)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("creating client " + wanted.getClientId() + " failed");
                }
            }
            changes.add("client " + wanted.getClientId() + " created");
            return;
        }
        ClientRepresentation current = found.getFirst();
        ClientResource client = realm.clients().get(current.getId());
        ClientRepresentation settings = Json.COMPACT.convertValue(wanted, ClientRepresentation.class);
        settings.setProtocolMappers(null);
        // Client scopes have their own endpoints: an update of the client ignores them.
        settings.setDefaultClientScopes(null);
        settings.setOptionalClientScopes(null);
        Map<String, Object> wantedMap = Json.COMPACT.convertValue(settings, Map.class);
        Map<String, Object> currentMap = Json.COMPACT.convertValue(current, Map.class);
        if (wanted.getSecret() != null) {
            currentMap.put("secret", client.getSecret().getValue());
        }
        List<String> differing = new ArrayList<>();
        wantedMap.forEach((key, value) -> {
            if (key.equals("attributes")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = (Map<String, Object>) value;
                Object currentAttributes = currentMap.get("attributes");
                attributes.forEach((attribute, attributeValue) -> {
                    if (!(currentAttributes instanceof Map<?, ?> map)
                            || !Objects.equals(map.get(attribute), attributeValue)) {
                        differing.add("attributes." + attribute);
                    }
                });
            } else if (!Objects.equals(value, currentMap.get(key))) {
                differing.add(key);
            }
        });
        if (!differing.isEmpty()) {
            settings.setId(current.getId());
            client.update(settings);
            changes.add("client " + wanted.getClientId() + " " + differing);
        }
        applyMappers(client, wanted, changes);
        applyScopes(realm, client, wanted, changes);
    }

    /** Makes the client's default and optional client scopes exactly the definition's, where it names them. */
    private static void applyScopes(
            RealmResource realm, ClientResource client, ClientRepresentation wanted, List<String> changes) {
        Map<String, String> ids = new java.util.HashMap<>();
        realm.clientScopes().findAll().forEach(scope -> ids.put(scope.getName(), scope.getId()));
        String prefix = "client " + wanted.getClientId();
        syncScopes(
                wanted.getDefaultClientScopes(),
                client::getDefaultClientScopes,
                client::removeDefaultClientScope,
                client::addDefaultClientScope,
                ids,
                prefix + " default scope ",
                changes);
        syncScopes(
                wanted.getOptionalClientScopes(),
                client::getOptionalClientScopes,
                client::removeOptionalClientScope,
                client::addOptionalClientScope,
                ids,
                prefix + " optional scope ",
                changes);
    }

    private static void syncScopes(
            List<String> wanted,
            java.util.function.Supplier<List<org.keycloak.representations.idm.ClientScopeRepresentation>> current,
            java.util.function.Consumer<String> remove,
            java.util.function.Consumer<String> add,
            Map<String, String> ids,
            String change,
            List<String> changes) {
        if (wanted == null) {
            return;
        }
        for (var scope : current.get()) {
            if (!wanted.contains(scope.getName())) {
                remove.accept(scope.getId());
                changes.add(change + scope.getName() + " removed");
            }
        }
        var present = current.get().stream().map(scope -> scope.getName()).toList();
        for (String name : wanted) {
            if (!present.contains(name)) {
                add.accept(required(ids, name));
                changes.add(change + name + " added");
            }
        }
    }

    private static String required(Map<String, String> ids, String scope) {
        String id = ids.get(scope);
        if (id == null) {
            throw new IllegalStateException("the realm has no client scope " + scope);
        }
        return id;
    }

    private static void applyMappers(ClientResource client, ClientRepresentation wanted, List<String> changes) {
        List<ProtocolMapperRepresentation> wantedMappers =
                wanted.getProtocolMappers() == null ? List.of() : wanted.getProtocolMappers();
        List<ProtocolMapperRepresentation> current = client.getProtocolMappers().getMappers();
        for (ProtocolMapperRepresentation mapper : wantedMappers) {
            Optional<ProtocolMapperRepresentation> existing = current.stream()
                    .filter(m -> m.getName().equals(mapper.getName()))
                    .findFirst();
            if (existing.isEmpty()) {
                client.getProtocolMappers().createMapper(mapper).close();
                changes.add("client " + wanted.getClientId() + " mapper " + mapper.getName() + " created");
            } else if (!Objects.equals(existing.get().getProtocolMapper(), mapper.getProtocolMapper())
                    || !Objects.equals(existing.get().getConfig(), mapper.getConfig())) {
                ProtocolMapperRepresentation updated =
                        Json.COMPACT.convertValue(mapper, ProtocolMapperRepresentation.class);
                updated.setId(existing.get().getId());
                client.getProtocolMappers().update(existing.get().getId(), updated);
                changes.add("client " + wanted.getClientId() + " mapper " + mapper.getName() + " updated");
            }
        }
        for (ProtocolMapperRepresentation mapper : current) {
            if (wantedMappers.stream().noneMatch(m -> m.getName().equals(mapper.getName()))) {
                client.getProtocolMappers().delete(mapper.getId());
                changes.add("client " + wanted.getClientId() + " mapper " + mapper.getName() + " removed");
            }
        }
    }

    private static void applyServiceAccountRoles(
            RealmResource realm, RealmRepresentation definition, List<String> changes) {
        for (UserRepresentation account : definition.getUsers()) {
            if (account.getServiceAccountClientId() == null || account.getClientRoles() == null) {
                continue;
            }
            String clientId = realm.clients()
                    .findByClientId(account.getServiceAccountClientId())
                    .getFirst()
                    .getId();
            UserRepresentation user = realm.clients().get(clientId).getServiceAccountUser();
            account.getClientRoles().forEach((roleClient, roleNames) -> {
                String roleClientId =
                        realm.clients().findByClientId(roleClient).getFirst().getId();
                var mapped = realm.users().get(user.getId()).roles().clientLevel(roleClientId);
                List<String> present = mapped.listAll().stream()
                        .map(RoleRepresentation::getName)
                        .toList();
                List<RoleRepresentation> missing = roleNames.stream()
                        .filter(name -> !present.contains(name))
                        .map(name -> realm.clients()
                                .get(roleClientId)
                                .roles()
                                .get(name)
                                .toRepresentation())
                        .toList();
                if (!missing.isEmpty()) {
                    mapped.add(missing);
                    changes.add("service account " + account.getServiceAccountClientId() + " roles "
                            + missing.stream().map(RoleRepresentation::getName).toList());
                }
            });
        }
    }

    private static void applyUserProfile(RealmResource realm, List<String> changes) {
        Map<String, Object> wanted = Json.COMPACT.convertValue(UserProfile.config(), Map.class);
        Map<String, Object> current =
                Json.COMPACT.convertValue(realm.users().userProfile().getConfiguration(), Map.class);
        if (!wanted.equals(current)) {
            realm.users().userProfile().update(UserProfile.config());
            changes.add("user profile");
        }
    }

    private static void enableTotp(RealmResource realm, List<String> changes) {
        RequiredActionProviderRepresentation totp = realm.flows().getRequiredAction(SanadRealm.CONFIGURE_TOTP);
        if (!totp.isEnabled()) {
            totp.setEnabled(true);
            realm.flows().updateRequiredAction(SanadRealm.CONFIGURE_TOTP, totp);
            changes.add("required action " + SanadRealm.CONFIGURE_TOTP + " enabled");
        }
    }

    private static void createMissingUsers(RealmResource realm, RealmRepresentation definition, List<String> changes) {
        for (UserRepresentation user : definition.getUsers()) {
            if (user.getServiceAccountClientId() != null) {
                continue;
            }
            if (!realm.users().searchByUsername(user.getUsername(), true).isEmpty()) {
                continue;
            }
            String id;
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("creating user " + user.getUsername() + " failed");
                }
                id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(response);
            }
            if (user.getRealmRoles() != null) {
                realm.users()
                        .get(id)
                        .roles()
                        .realmLevel()
                        .add(user.getRealmRoles().stream()
                                .map(role -> realm.roles().get(role).toRepresentation())
                                .toList());
            }
            changes.add("user " + user.getUsername() + " created");
        }
    }
}
