package org.sanad.infra.keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentExportRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Realm {@code sanad} as code: the one definition from which {@code infra/keycloak/sanad-realm.json}
 * is generated and which {@link RealmApplier} applies to a running Keycloak.
 *
 * <p>Security properties it guarantees: access tokens live at most five minutes; tokens of the
 * API's clients carry {@code aud: sanad-api} and the user's single {@code org}, which only an
 * administrator can set; brute-force protection and a password policy are on; staff (caseworker,
 * supervisor, admin) must set up a one-time password ({@code CONFIGURE_TOTP}) at their first login;
 * only the demo client may use the password grant, and it exists only in {@link Mode#DEMO}.
 */
public final class SanadRealm {

    /** The realm's name, as in the server's issuer URL. */
    public static final String NAME = "sanad";

    public static final String API_CLIENT = "sanad-api";
    public static final String DEMO_CLIENT = "sanad-demo";
    public static final String PROVISIONER_CLIENT = "sanad-provisioner";
    public static final String ORGANISATION_ATTRIBUTE = "org";
    public static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";

    /** Demo password of every demo user: for the local demo and the tests only. */
    public static final String DEMO_PASSWORD = "Sanad-demo-2026!";

    /** Demo secret of the provisioner's service account; production sets a real one. */
    public static final String DEMO_PROVISIONER_SECRET = "demo-provisioner-secret-change-me";

    /** Realm attribute that marks a demo realm, so that nobody mistakes one for production. */
    public static final String DEMO_MARKER = "sanad.demo";

    /** The realm-management roles of the provisioner: users only, no realm or client changes. */
    public static final List<String> PROVISIONER_ROLES =
            List.of("manage-users", "view-users", "query-users", "view-realm");

    /** Sanad's realm roles; the server's {@code Role} enum names the same four. */
    public enum Role {
        DEFENDER("A human rights defender: own profile, own reports, own lockdown", false),
        CASEWORKER("Legal clinic or protection staff: intake, assigned case files, referrals", true),
        SUPERVISOR("Head of a clinic or programme: assignment, audit, lockdown, break-glass", true),
        ADMIN("Platform operator: provisioning and keys, no access to case content", true);

        private final String description;
        private final boolean staff;

        Role(String description, boolean staff) {
            this.description = description;
            this.staff = staff;
        }

        public String realmRole() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String description() {
            return description;
        }

        /** Staff must use a one-time password in addition to their password. */
        public boolean staff() {
            return staff;
        }

        public static Role of(String realmRole) {
            for (Role role : values()) {
                if (role.realmRole().equals(realmRole)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("not a Sanad role");
        }
    }

    /**
     * Which realm to define.
     *
     * <p>{@link #DEMO} is for the local demo and the tests. It adds the {@code sanad-demo} client
     * (password grant), eight demo users with a shared, published password, and the provisioner's
     * demo secret; and it relaxes one rule on purpose: <b>the demo users are not required to set
     * up a one-time password</b>, because the password grant cannot answer an OTP prompt. Never
     * import a demo realm where real people's data is kept.
     *
     * <p>{@link #PRODUCTION} has none of these: no password-grant client, no users, and no
     * provisioner secret (Keycloak generates one; read it from the admin console).
     */
    public enum Mode {
        DEMO,
        PRODUCTION
    }

    private record DemoUser(String username, String lastName, String organisation, Role role) {}

    private static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("defender.tigris", "Defender Tigris", "tigris-legal", Role.DEFENDER),
            new DemoUser("caseworker.tigris", "Caseworker Tigris", "tigris-legal", Role.CASEWORKER),
            new DemoUser("caseworker2.tigris", "Second Caseworker Tigris", "tigris-legal", Role.CASEWORKER),
            new DemoUser("supervisor.tigris", "Supervisor Tigris", "tigris-legal", Role.SUPERVISOR),
            new DemoUser("defender.zagros", "Defender Zagros", "zagros-aid", Role.DEFENDER),
            new DemoUser("caseworker.zagros", "Caseworker Zagros", "zagros-aid", Role.CASEWORKER),
            new DemoUser("supervisor.zagros", "Supervisor Zagros", "zagros-aid", Role.SUPERVISOR),
            new DemoUser("admin.platform", "Platform Admin", "platform", Role.ADMIN));

    private SanadRealm() {}

    /** The realm named {@link #NAME}. */
    public static RealmRepresentation definition(Mode mode) {
        return definition(NAME, mode);
    }

    /** The same realm under another name (for tests that apply it to a throwaway realm). */
    public static RealmRepresentation definition(String name, Mode mode) {
        var realm = new RealmRepresentation();
        realm.setRealm(name);
        realm.setDisplayName("Sanad");
        realm.setEnabled(true);
        realm.setSslRequired("external");
        realm.setRegistrationAllowed(false);
        realm.setResetPasswordAllowed(false);
        realm.setEditUsernameAllowed(false);
        realm.setRememberMe(false);
        realm.setLoginWithEmailAllowed(true);
        realm.setDuplicateEmailsAllowed(false);
        realm.setAttributes(Map.of(DEMO_MARKER, String.valueOf(mode == Mode.DEMO)));

        // Short-lived access tokens: Keycloak cannot revoke an issued token, the server's lockdown
        // check can, and a stolen one expires soon anyway.
        realm.setAccessTokenLifespan(300);
        realm.setAccessTokenLifespanForImplicitFlow(300);
        realm.setSsoSessionIdleTimeout(1800);
        realm.setSsoSessionMaxLifespan(36000);
        realm.setRevokeRefreshToken(true);
        realm.setRefreshTokenMaxReuse(0);
        realm.setDefaultSignatureAlgorithm("RS256");

        realm.setBruteForceProtected(true);
        realm.setPermanentLockout(false);
        realm.setFailureFactor(5);
        realm.setWaitIncrementSeconds(60);
        realm.setMaxFailureWaitSeconds(900);
        realm.setMaxDeltaTimeSeconds(43200);
        realm.setMinimumQuickLoginWaitSeconds(60);
        realm.setQuickLoginCheckMilliSeconds(1000L);
        realm.setPasswordPolicy("length(12) and notUsername and notEmail and passwordHistory(5)");

        // Time-based one-time passwords that every common authenticator app understands.
        realm.setOtpPolicyType("totp");
        realm.setOtpPolicyAlgorithm("HmacSHA1");
        realm.setOtpPolicyDigits(6);
        realm.setOtpPolicyPeriod(30);
        realm.setOtpPolicyLookAheadWindow(1);
        realm.setOtpPolicyCodeReusable(false);

        var roles = new RolesRepresentation();
        List<RoleRepresentation> realmRoles = new ArrayList<>();
        for (Role role : Role.values()) {
            var representation = new RoleRepresentation();
            representation.setName(role.realmRole());
            representation.setDescription(role.description());
            realmRoles.add(representation);
        }
        roles.setRealm(realmRoles);
        realm.setRoles(roles);

        List<ClientRepresentation> clients = new ArrayList<>();
        clients.add(apiClient());
        if (mode == Mode.DEMO) {
            clients.add(demoClient());
        }
        clients.add(provisionerClient(mode));
        realm.setClients(clients);

        List<UserRepresentation> users = new ArrayList<>();
        if (mode == Mode.DEMO) {
            DEMO_USERS.forEach(user -> users.add(demoUser(user)));
        }
        users.add(provisionerServiceAccount());
        realm.setUsers(users);

        var components = new MultivaluedHashMap<String, ComponentExportRepresentation>();
        var profile = new ComponentExportRepresentation();
        profile.setProviderId("declarative-user-profile");
        profile.setSubComponents(new MultivaluedHashMap<>());
        var profileConfig = new MultivaluedHashMap<String, String>();
        profileConfig.putSingle("kc.user.profile.config", UserProfile.json());
        profile.setConfig(profileConfig);
        components.putSingle("org.keycloak.userprofile.UserProfileProvider", profile);
        realm.setComponents(components);
        return realm;
    }

    /** The clients whose definition this realm owns, by client id. */
    public static List<String> clientIds(Mode mode) {
        return definition(mode).getClients().stream()
                .map(ClientRepresentation::getClientId)
                .toList();
    }

    private static ClientRepresentation apiClient() {
        var client = new ClientRepresentation();
        client.setClientId(API_CLIENT);
        client.setName("Sanad API");
        client.setDescription("The resource server: an audience only; it obtains no tokens.");
        client.setEnabled(true);
        client.setBearerOnly(true);
        client.setPublicClient(false);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setProtocol("openid-connect");
        return client;
    }

    private static ClientRepresentation demoClient() {
        var client = new ClientRepresentation();
        client.setClientId(DEMO_CLIENT);
        client.setName("Sanad demo and tests");
        client.setDescription("DEMO AND TEST ONLY: allows the resource-owner password grant so that scripts and"
                + " tests can log in. Never create this client in a production realm.");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        client.setServiceAccountsEnabled(false);
        client.setFrontchannelLogout(false);
        client.setProtocol("openid-connect");
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256", "use.refresh.tokens", "true"));
        client.setProtocolMappers(List.of(audienceMapper(), organisationMapper()));
        return client;
    }

    private static ClientRepresentation provisionerClient(Mode mode) {
        var client = new ClientRepresentation();
        client.setClientId(PROVISIONER_CLIENT);
        client.setName("Sanad provisioning");
        client.setDescription("Service account for onboarding, offboarding and lockdown through the admin API."
                + " The secret here is a demo value: set a real one in production.");
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        if (mode == Mode.DEMO) {
            client.setSecret(DEMO_PROVISIONER_SECRET);
        }
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        client.setProtocol("openid-connect");
        return client;
    }

    /** Puts {@code sanad-api} into {@code aud}: without it the API refuses the token. */
    static ProtocolMapperRepresentation audienceMapper() {
        var mapper = new ProtocolMapperRepresentation();
        mapper.setName("sanad-api audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of(
                "included.client.audience", API_CLIENT,
                "id.token.claim", "false",
                "access.token.claim", "true",
                "introspection.token.claim", "true",
                "userinfo.token.claim", "false",
                "lightweight.claim", "false"));
        return mapper;
    }

    /** Copies the admin-only user attribute {@code org} into the access token's {@code org}. */
    static ProtocolMapperRepresentation organisationMapper() {
        var mapper = new ProtocolMapperRepresentation();
        mapper.setName("organisation");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-usermodel-attribute-mapper");
        var config = new java.util.LinkedHashMap<String, String>();
        config.put("user.attribute", ORGANISATION_ATTRIBUTE);
        config.put("claim.name", ORGANISATION_ATTRIBUTE);
        config.put("jsonType.label", "String");
        config.put("id.token.claim", "false");
        config.put("access.token.claim", "true");
        config.put("userinfo.token.claim", "false");
        config.put("introspection.token.claim", "true");
        config.put("multivalued", "false");
        config.put("aggregate.attrs", "false");
        config.put("lightweight.claim", "false");
        mapper.setConfig(config);
        return mapper;
    }

    private static UserRepresentation demoUser(DemoUser demo) {
        var user = new UserRepresentation();
        user.setUsername(demo.username());
        user.setEnabled(true);
        user.setEmail(demo.username() + "@demo.sanad.invalid");
        user.setEmailVerified(true);
        user.setFirstName("Demo");
        user.setLastName(demo.lastName());
        user.setAttributes(Map.of(ORGANISATION_ATTRIBUTE, List.of(demo.organisation())));
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(DEMO_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        user.setRealmRoles(List.of(demo.role().realmRole()));
        // The demo relaxation (Mode.DEMO): no CONFIGURE_TOTP even for staff, so that the password
        // grant works. Users onboarded with Provisioning always get it when they are staff.
        return user;
    }

    private static UserRepresentation provisionerServiceAccount() {
        var user = new UserRepresentation();
        user.setUsername("service-account-" + PROVISIONER_CLIENT);
        user.setEnabled(true);
        user.setServiceAccountClientId(PROVISIONER_CLIENT);
        user.setClientRoles(Map.of("realm-management", PROVISIONER_ROLES));
        return user;
    }
}
