package org.sanad.infra.keycloak;

import java.net.URI;
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
    /** The server's own browser login (backend for frontend): the only client with the code flow. */
    public static final String WEB_CLIENT = "sanad-web";
    /** Spring Security's registration id for Keycloak, part of the browser client's URLs. */
    public static final String WEB_REGISTRATION = "keycloak";

    public static final String DEMO_CLIENT = "sanad-demo";
    public static final String PROVISIONER_CLIENT = "sanad-provisioner";
    public static final String ORGANISATION_ATTRIBUTE = "org";
    public static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";

    /** Demo password of every demo user: for the local demo and the tests only. */
    public static final String DEMO_PASSWORD = "Sanad-demo-2026!";

    /** Demo secret of the browser client; production lets Keycloak generate one. */
    public static final String DEMO_WEB_SECRET = "demo-web-secret-change-me";

    /** Where the demo server answers ({@code infra/bin/sanad-run}). */
    public static final URI DEMO_SERVER = URI.create("http://localhost:8080");

    /**
     * The address of a production definition made without one: an {@code .invalid} host (RFC
     * 2606), so that such a realm can redirect nowhere real. {@code sanad-realm apply production}
     * always passes the server's real address.
     */
    public static final URI UNSET_SERVER = URI.create("https://sanad.invalid");

    /** The languages of Keycloak's login pages, as of Sanad's: Arabic first. */
    public static final List<String> LOCALES = List.of("ar", "en");

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

    /** The realm named {@link #NAME}, for the demo server or a production one without its address. */
    public static RealmRepresentation definition(Mode mode) {
        return definition(NAME, mode);
    }

    /** The same realm under another name (for tests that apply it to a throwaway realm). */
    public static RealmRepresentation definition(String name, Mode mode) {
        return definition(name, mode, mode == Mode.DEMO ? DEMO_SERVER : UNSET_SERVER);
    }

    /**
     * The realm for a server at this address ({@code https://sanad.example.org}, no path): the
     * browser client may redirect only there, exactly.
     */
    public static RealmRepresentation definition(String name, Mode mode, URI server) {
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

        // Login, one-time-password and error pages in the users' languages; the server asks for the
        // user's choice with ui_locales, Keycloak falls back to Accept-Language, then Arabic.
        realm.setInternationalizationEnabled(true);
        realm.setSupportedLocales(new java.util.LinkedHashSet<>(LOCALES));
        realm.setDefaultLocale(LOCALES.getFirst());

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
        clients.add(webClient(mode, server));
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

    /**
     * The server's browser login: confidential, authorization code with PKCE (S256) only, redirects
     * to exactly the server's login callback and its home page after logout, and Keycloak tells the
     * server through back-channel logout when a session ends there. Its tokens stay on the server.
     */
    private static ClientRepresentation webClient(Mode mode, URI server) {
        String base = origin(server);
        var client = new ClientRepresentation();
        client.setClientId(WEB_CLIENT);
        client.setName("Sanad in the browser");
        client.setDescription("The server's own login for its web pages; the browser never receives a token.");
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        if (mode == Mode.DEMO) {
            client.setSecret(DEMO_WEB_SECRET);
        }
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setConsentRequired(false);
        client.setFrontchannelLogout(false);
        client.setRootUrl(base);
        client.setBaseUrl(base + "/");
        client.setRedirectUris(List.of(base + "/login/oauth2/code/" + WEB_REGISTRATION));
        client.setWebOrigins(List.of());
        client.setProtocol("openid-connect");
        var attributes = new java.util.LinkedHashMap<String, String>();
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("post.logout.redirect.uris", base + "/");
        attributes.put("backchannel.logout.url", base + "/logout/connect/back-channel/" + WEB_REGISTRATION);
        attributes.put("backchannel.logout.session.required", "true");
        attributes.put("backchannel.logout.revoke.offline.tokens", "true");
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put("oidc.ciba.grant.enabled", "false");
        attributes.put("use.refresh.tokens", "true");
        client.setAttributes(attributes);
        client.setProtocolMappers(List.of(audienceMapper(), organisationMapper()));
        // The ID token of a browser login is kept in the server's session (for signing out): with
        // only these scopes it carries the subject, the session and the roles, never a name or an
        // e-mail address.
        client.setDefaultClientScopes(WEB_CLIENT_SCOPES);
        client.setOptionalClientScopes(List.of());
        return client;
    }

    /** The client scopes of the browser client: Keycloak's built-in basic, roles and acr only. */
    public static final List<String> WEB_CLIENT_SCOPES = List.of("basic", "roles", "acr");

    /** {@code scheme://host[:port]} of an absolute http(s) address without path, query or fragment. */
    static String origin(URI server) {
        boolean http = "https".equals(server.getScheme()) || "http".equals(server.getScheme());
        boolean bare = server.getHost() != null
                && (server.getRawPath() == null
                        || server.getRawPath().isEmpty()
                        || server.getRawPath().equals("/"))
                && server.getRawQuery() == null
                && server.getRawFragment() == null
                && server.getRawUserInfo() == null;
        if (!http || !bare) {
            throw new IllegalArgumentException("the server's address is scheme://host[:port], nothing more");
        }
        return server.getScheme() + "://" + server.getHost() + (server.getPort() == -1 ? "" : ":" + server.getPort());
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
