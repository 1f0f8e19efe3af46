package org.sanad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Response;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every token attack we know of against the running server: forged tokens minted with Nimbus
 * JOSE, and real tokens of the test Keycloak that must not work here. Each is refused with 401
 * (403 for a missing role), never a 5xx, and nothing of the token is echoed.
 *
 * <p>To show that each refusal comes from the one defect under test, the forged tokens are minted
 * with a key the server really trusts: a passive RSA key added to realm sanad for this class only
 * (Keycloak publishes it in the realm's JWKS but never signs with it). The first test proves a
 * token minted with it and correct claims is accepted.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttackIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Api api;
    RSAKey trustedKey;
    String trustedComponentId;
    RSAKey realmKey;
    RSAKey attackerKey;
    String otherRealm;
    HttpServer attackerServer;
    final AtomicInteger attackerRequests = new AtomicInteger();

    @BeforeAll
    void setUp() throws Exception {
        api = new Api(port);
        attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
        addTrustedTestKey();
        realmKey = activeRealmKey();
        startAttackerServer();
        createOtherRealm();
        awaitServerTrustsTheTestKey();
    }

    @AfterAll
    void tearDown() {
        if (attackerServer != null) {
            attackerServer.stop(0);
        }
        if (trustedComponentId != null) {
            TestKeycloak.sanad().components().component(trustedComponentId).remove();
        }
        if (otherRealm != null) {
            TestKeycloak.admin().realm(otherRealm).remove();
        }
    }

    @BeforeEach
    void resetCounters() {
        attackerRequests.set(0);
    }

    // ------------------------------------------------------------------ baseline

    @Test
    void mintedTokenWithEveryCheckSatisfiedIsAccepted() throws Exception {
        var response = api.get("/api/me", mint(h -> {}, c -> {}));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("organisation").asString()).isEqualTo("tigris-legal");
    }

    // ------------------------------------------------------------------ algorithms

    @Test
    void algNoneIsRefusedInEveryCasing() throws Exception {
        String payload = Base64URL.encode(claims(c -> {}).toString()).toString();
        for (String alg : new String[] {"none", "None", "NONE", "nOnE"}) {
            String header = Base64URL.encode(
                            "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + trustedKey.getKeyID() + "\"}")
                    .toString();
            String validSignature = mint(h -> {}, c -> {}).split("\\.")[2];
            for (String token : new String[] {
                header + "." + payload + ".", header + "." + payload, header + "." + payload + "." + validSignature
            }) {
                assertRefused(api.get("/api/me", token), token);
            }
        }
    }

    @Test
    void hmacSignedWithTheRealmPublicKeyIsRefused() throws Exception {
        byte[] der = realmKey.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        List<byte[]> secrets = List.of(
                der,
                pem.getBytes(StandardCharsets.US_ASCII),
                pem.trim().getBytes(StandardCharsets.US_ASCII),
                realmKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                realmKey.toPublicJWK().getModulus().decode());
        for (byte[] secret : secrets) {
            for (JWSAlgorithm hmac : new JWSAlgorithm[] {JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512}) {
                String token = sign(
                        new JWSHeader.Builder(hmac).keyID(realmKey.getKeyID()).type(JOSEObjectType.JWT),
                        claims(c -> {}),
                        new MACSigner(secret));
                assertRefused(api.get("/api/me", token), token);
            }
        }
    }

    // ------------------------------------------------------------------ kid and key headers

    @Test
    void kidInjectionIsRefused() throws Exception {
        String otherRealmKid = otherRealmToken().getHeader().getKeyID();
        for (String kid : new String[] {
            "../../../../../../etc/passwd",
            "/dev/null",
            "' OR '1'='1' --",
            "x'; DROP TABLE sanad.account_lock; --",
            "kid\u0000" + trustedKey.getKeyID(),
            "\u0000",
            "k".repeat(10 * 1024),
            "",
            otherRealmKid,
            "http://127.0.0.1:" + attackerServer.getAddress().getPort() + "/jwks.json"
        }) {
            String token = mint(attackerKey, h -> h.keyID(kid), c -> {});
            assertRefused(api.get("/api/me", token), token);
        }
        assertThat(attackerRequests).hasValue(0);
    }

    @Test
    void attackerKeyUnderTheTrustedKidIsRefused() throws Exception {
        String token = mint(attackerKey, h -> h.keyID(trustedKey.getKeyID()), c -> {});

        assertRefused(api.get("/api/me", token), token);
    }

    @Test
    void keyUrlAndEmbeddedKeyHeadersAreIgnoredAndNeverFetched() throws Exception {
        URI attacker =
                URI.create("http://127.0.0.1:" + attackerServer.getAddress().getPort());
        var attackerCertificate = selfSignedCertificate();
        List<Base64> chain =
                List.of(Base64.encode(attackerCertificate.certificate().getEncoded()));
        RSAKey certificateKey = new RSAKey.Builder((java.security.interfaces.RSAPublicKey)
                        attackerCertificate.certificate().getPublicKey())
                .privateKey(attackerCertificate.privateKey())
                .build();

        List<String> tokens = List.of(
                mint(attackerKey, h -> h.keyID("attacker").jwkURL(attacker.resolve("/jwks.json")), c -> {}),
                mint(attackerKey, h -> h.keyID(trustedKey.getKeyID()).jwkURL(attacker.resolve("/jwks.json")), c -> {}),
                mint(attackerKey, h -> h.jwkURL(attacker.resolve("/jwks.json")), c -> {}),
                mint(attackerKey, h -> h.keyID("attacker").x509CertURL(attacker.resolve("/cert.pem")), c -> {}),
                mint(attackerKey, h -> h.x509CertURL(attacker.resolve("/cert.pem")), c -> {}),
                mint(attackerKey, h -> h.jwk(attackerKey.toPublicJWK()), c -> {}),
                mint(attackerKey, h -> h.keyID(trustedKey.getKeyID()).jwk(attackerKey.toPublicJWK()), c -> {}),
                mint(certificateKey, h -> h.x509CertChain(chain), c -> {}),
                mint(certificateKey, h -> h.keyID(trustedKey.getKeyID()).x509CertChain(chain), c -> {}));
        for (String token : tokens) {
            assertRefused(api.get("/api/me", token), token);
        }

        assertThat(attackerRequests).as("requests to the attacker's key server").hasValue(0);
    }

    // ------------------------------------------------------------------ time

    @Test
    void expiredNotYetValidAndEndlessTokensAreRefused() throws Exception {
        Instant now = Instant.now();
        List<String> tokens = List.of(
                mint(h -> {}, c -> c.issueTime(Date.from(now.minusSeconds(600)))
                        .expirationTime(Date.from(now.minusSeconds(120)))),
                mint(h -> {}, c -> c.notBeforeTime(Date.from(now.plusSeconds(180)))),
                mint(h -> {}, c -> c.expirationTime(null)),
                mint(h -> {}, c -> c.issueTime(Date.from(now.plusSeconds(3600)))
                        .expirationTime(Date.from(now.plusSeconds(3900)))),
                mint(h -> {}, c -> c.issueTime(null)));
        for (String token : tokens) {
            assertRefused(api.get("/api/me", token), token);
        }
    }

    // ------------------------------------------------------------------ issuer, audience, client

    @Test
    void wrongOrMissingIssuerIsRefused() throws Exception {
        String issuer = Keycloak.issuer();
        for (String wrong : new String[] {
            issuer.replace("localhost", "127.0.0.1"),
            issuer + "/",
            issuer.replace("/realms/sanad", "/realms/" + otherRealm),
            issuer.toUpperCase(java.util.Locale.ROOT),
            "https://attacker.invalid/realms/sanad",
        }) {
            String token = mint(h -> {}, c -> c.issuer(wrong));
            assertRefused(api.get("/api/me", token), token);
        }
        String noIssuer = mint(h -> {}, c -> c.issuer(null));
        assertRefused(api.get("/api/me", noIssuer), noIssuer);
    }

    @Test
    void tokenFromAnotherRealmOfTheSameKeycloakIsRefused() throws Exception {
        String token = otherRealmToken().serialize();

        assertRefused(api.get("/api/me", token), token);
    }

    @Test
    void wrongOrMissingAudienceIsRefused() throws Exception {
        List<String> tokens = List.of(
                mint(h -> {}, c -> c.audience("account")),
                mint(h -> {}, c -> c.audience(List.of("account", "sanad-api-x"))),
                mint(h -> {}, c -> c.audience("SANAD-API")),
                mint(h -> {}, c -> c.audience((String) null)));
        for (String token : tokens) {
            assertRefused(api.get("/api/me", token), token);
        }
        assertThat(api.get("/api/me", mint(h -> {}, c -> c.audience(List.of("account", "sanad-api"))))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unexpectedOrMissingAuthorisedPartyIsRefused() throws Exception {
        for (Object azp : new Object[] {"admin-cli", "sanad-provisioner", "sanad-api", "SANAD-DEMO", null}) {
            String token = mint(h -> {}, c -> c.claim("azp", azp));
            assertRefused(api.get("/api/me", token), token);
        }
    }

    @Test
    void tokenOfAClientWithoutTheApiAudienceIsRefused() {
        String token = Keycloak.passwordGrant("admin-cli", "caseworker.tigris", "openid")
                .get("access_token")
                .asString();

        assertRefused(api.get("/api/me", token), token);
    }

    // ------------------------------------------------------------------ token types

    @Test
    void idAndRefreshTokensAreRefused() throws Exception {
        JsonNode tokens = Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, "caseworker.tigris", "openid");
        for (String token : new String[] {
            tokens.get("id_token").asString(),
            tokens.get("refresh_token").asString(),
            mint(h -> {}, c -> c.claim("typ", "ID")),
            mint(h -> {}, c -> c.claim("typ", "Refresh")),
            mint(h -> {}, c -> c.claim("typ", "Offline")),
            mint(h -> {}, c -> c.claim("typ", null)),
        }) {
            assertRefused(api.get("/api/me", token), token);
        }
    }

    // ------------------------------------------------------------------ lockdown

    @Test
    void tokenIssuedBeforeALockdownIsRefused() throws Exception {
        String subject = UUID.randomUUID().toString();
        String before = mint(h -> {}, c -> c.subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(30))));
        assertThat(api.get("/api/me", before).status()).isEqualTo(200);

        var lockdown = api.send(api.request("/api/me/lockdown")
                .header("Authorization", "Bearer " + before)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(lockdown.status()).isEqualTo(202);

        assertRefused(api.get("/api/me", before), before);
        String issuedDuringTheLock = mint(h -> {}, c -> c.subject(subject));
        assertRefused(api.get("/api/me", issuedDuringTheLock), issuedDuringTheLock);
    }

    // ------------------------------------------------------------------ tampering

    @Test
    void tamperedPayloadWithTheOriginalSignatureIsRefused() throws Exception {
        String real = Keycloak.accessToken("caseworker.tigris");
        String[] parts = real.split("\\.");
        var payload = (tools.jackson.databind.node.ObjectNode)
                JSON.readTree(Base64URL.from(parts[1]).decodeToString());
        List<Consumer<tools.jackson.databind.node.ObjectNode>> tamperings = List.of(
                p -> p.put("org", "zagros-aid"),
                p -> p.putObject("realm_access").putArray("roles").add("supervisor"),
                p -> p.put("exp", Instant.now().plus(Duration.ofDays(365)).getEpochSecond()),
                p -> p.put("sub", UUID.randomUUID().toString()));
        for (var tampering : tamperings) {
            var copy = payload.deepCopy();
            tampering.accept(copy);
            String forged = parts[0] + "." + Base64URL.encode(JSON.writeValueAsString(copy)) + "." + parts[2];
            assertRefused(api.get("/api/me", forged), forged);
        }
        String resigned =
                parts[0] + "." + parts[1] + "." + mint(h -> {}, c -> {}).split("\\.")[2];
        assertRefused(api.get("/api/me", resigned), resigned);
    }

    @Test
    void malformedAndOversizedTokensAreRefusedWithoutServerError() throws Exception {
        String valid = mint(h -> {}, c -> {});
        String[] parts = valid.split("\\.");
        String critical =
                mint(h -> h.criticalParams(java.util.Set.of("sanad-unknown")).customParam("sanad-unknown", 1), c -> {});
        List<String> tokens = List.of(
                "a.b.c",
                "...",
                parts[0] + "." + parts[1],
                parts[0] + "." + parts[1] + "." + parts[2] + ".extra.part",
                Base64URL.encode("{").toString() + "." + parts[1] + "." + parts[2],
                Base64URL.encode("[]").toString() + "." + parts[1] + "." + parts[2],
                Base64URL.encode("{\"alg\":\"RS256\"}").toString() + ".e30." + parts[2],
                parts[0] + "." + Base64URL.encode("not json") + "." + parts[2],
                parts[0] + "." + parts[1] + "." + "!!!!",
                Base64URL.encode("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}") + ".AAAA.AAAA.AAAA.AAAA",
                critical,
                Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"" + "x".repeat(7000) + "\"}") + "." + parts[1] + "."
                        + parts[2],
                "x".repeat(12000));
        for (String token : tokens) {
            var response = api.get("/api/me", token);
            assertThat(response.status()).as(abbreviated(token)).isIn(400, 401, 431);
            assertNoEcho(response, token);
        }
        var huge = api.send(api.request("/api/me")
                .header("Authorization", "Bearer " + "a".repeat(64 * 1024))
                .GET()
                .build());
        assertThat(huge.status()).isIn(400, 401, 431);
    }

    // ------------------------------------------------------------------ where the token travels

    @Test
    void validTokenInTheQueryStringOrFormBodyIsIgnored() throws Exception {
        String token = mint(h -> {}, c -> {});

        assertThat(api.get("/api/me?access_token=" + token, null).status()).isEqualTo(401);
        var form = api.send(api.request("/api/me/lockdown")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + token))
                .build());
        assertThat(form.status()).isEqualTo(401);
        assertNoEcho(form, token);
    }

    // ------------------------------------------------------------------ roles

    @Test
    void validTokenWithoutTheRoleIsForbidden() throws Exception {
        String noRoles = mint(h -> {}, c -> c.claim("realm_access", Map.of("roles", List.of("offline_access"))));
        String caseworker = mint(h -> {}, c -> {});

        assertThat(api.get("/api/me", noRoles).status()).isEqualTo(200);
        for (String token : new String[] {noRoles, caseworker}) {
            var response = api.send(api.request("/api/users/" + UUID.randomUUID() + "/lockdown")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    // ================================================================== helpers

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(Keycloak.issuer())
                .subject(UUID.randomUUID().toString())
                .audience("sanad-api")
                .issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(240)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "sanad-demo")
                .claim("org", "tigris-legal")
                .claim("realm_access", Map.of("roles", List.of("caseworker")));
        changes.accept(claims);
        return claims.build();
    }

    private String mint(Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims)
            throws JOSEException {
        return mint(
                trustedKey,
                builder -> {
                    builder.keyID(trustedKey.getKeyID());
                    header.accept(builder);
                },
                claims);
    }

    private String mint(RSAKey key, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims)
            throws JOSEException {
        var builder = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
        header.accept(builder);
        return sign(builder, claims(claims), new RSASSASigner(key));
    }

    private static String sign(JWSHeader.Builder header, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
        var jwt = new SignedJWT(header.build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void assertRefused(Api.Response response, String token) {
        assertThat(response.status()).as(abbreviated(token)).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:sanad:problem:unauthorized");
        assertNoEcho(response, token);
    }

    private static void assertNoEcho(Api.Response response, String token) {
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("at org.");
        for (String part : token.split("\\.")) {
            if (part.length() >= 8) {
                assertThat(response.body()).doesNotContain(part.substring(0, 8));
            }
        }
        for (String header : List.of("WWW-Authenticate", "X-Request-Id")) {
            String value = response.header(header);
            if (value != null && token.length() >= 8) {
                assertThat(value).doesNotContain(token.substring(0, 8));
            }
        }
    }

    private static String abbreviated(String token) {
        return token.length() > 60 ? token.substring(0, 60) + "…" : token;
    }

    /** Adds a passive RSA key to realm sanad: published in the JWKS, never used by Keycloak. */
    private void addTrustedTestKey() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        var component = new ComponentRepresentation();
        component.setName("sanad-token-attack-tests-" + UUID.randomUUID());
        component.setProviderId("rsa");
        component.setProviderType("org.keycloak.keys.KeyProvider");
        component.setParentId(TestKeycloak.sanad().toRepresentation().getId());
        component.setConfig(new org.keycloak.common.util.MultivaluedHashMap<>(Map.of(
                "privateKey", List.of(pem),
                "priority", List.of("1"),
                "enabled", List.of("true"),
                "active", List.of("false"),
                "algorithm", List.of("RS256"))));
        try (Response response = TestKeycloak.sanad().components().add(component)) {
            trustedComponentId = CreatedResponseUtil.getCreatedId(response);
        }
        String kid = TestKeycloak.sanad().keys().getKeyMetadata().getKeys().stream()
                .filter(k -> trustedComponentId.equals(k.getProviderId()))
                .map(KeyMetadataRepresentation::getKid)
                .findFirst()
                .orElseThrow();
        trustedKey = new RSAKey.Builder(key).keyID(kid).build();
        JWKSet published = JWKSet.load(
                URI.create(Keycloak.issuer() + "/protocol/openid-connect/certs").toURL());
        assertThat(published.getKeyByKeyId(kid)).as("the test key is published").isNotNull();
    }

    /** The key Keycloak really signs realm sanad's tokens with. */
    private static RSAKey activeRealmKey() throws Exception {
        String kid = SignedJWT.parse(Keycloak.accessToken("caseworker.tigris"))
                .getHeader()
                .getKeyID();
        JWK key = JWKSet.load(URI.create(Keycloak.issuer() + "/protocol/openid-connect/certs")
                        .toURL())
                .getKeyByKeyId(kid);
        return key.toRSAKey();
    }

    /** The server fetches keys at a bounded rate, so it may take one refetch interval to see ours. */
    private void awaitServerTrustsTheTestKey() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(75);
        while (api.get("/api/me", mint(h -> {}, c -> {})).status() != 200) {
            assertThat(System.nanoTime()).as("server trusts the test key").isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    private void startAttackerServer() throws Exception {
        byte[] jwks = new JWKSet(attackerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        attackerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attackerServer.createContext("/", exchange -> {
            attackerRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        attackerServer.start();
    }

    /** A second realm of the same Keycloak, whose tokens look like Sanad's in every other way. */
    private void createOtherRealm() {
        otherRealm = "attack-" + UUID.randomUUID().toString().substring(0, 8);
        var realm = new RealmRepresentation();
        realm.setRealm(otherRealm);
        realm.setEnabled(true);
        TestKeycloak.admin().realms().create(realm);
        var resource = TestKeycloak.admin().realm(otherRealm);

        var client = new ClientRepresentation();
        client.setClientId("sanad-demo");
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setProtocolMappers(List.of(
                mapper(
                        "audience",
                        "oidc-audience-mapper",
                        Map.of("included.client.audience", "sanad-api", "access.token.claim", "true")),
                mapper(
                        "organisation",
                        "oidc-hardcoded-claim-mapper",
                        Map.of(
                                "claim.name", "org",
                                "claim.value", "tigris-legal",
                                "jsonType.label", "String",
                                "access.token.claim", "true"))));
        resource.clients().create(client).close();
        var api = new ClientRepresentation();
        api.setClientId("sanad-api");
        api.setBearerOnly(true);
        resource.clients().create(api).close();

        var user = new UserRepresentation();
        user.setUsername("caseworker.tigris");
        user.setEnabled(true);
        user.setEmail("caseworker.tigris@attack.sanad.invalid");
        user.setEmailVerified(true);
        user.setFirstName("Other");
        user.setLastName("Realm");
        var password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(Keycloak.DEMO_PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        resource.users().create(user).close();
    }

    private SignedJWT otherRealmToken() throws Exception {
        String issuer = Keycloak.issuer().replace("/realms/sanad", "/realms/" + otherRealm);
        JsonNode tokens = Keycloak.tokenRequest(
                issuer,
                Map.of(
                        "grant_type", "password",
                        "client_id", "sanad-demo",
                        "username", "caseworker.tigris",
                        "password", Keycloak.DEMO_PASSWORD,
                        "scope", "openid"));
        SignedJWT token = SignedJWT.parse(tokens.get("access_token").asString());
        assertThat(token.getJWTClaimsSet().getAudience()).contains("sanad-api");
        assertThat(token.getJWTClaimsSet().getStringClaim("azp")).isEqualTo("sanad-demo");
        assertThat(token.getJWTClaimsSet().getStringClaim("org")).isEqualTo("tigris-legal");
        return token;
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        var mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }

    private record Certificate(X509Certificate certificate, PrivateKey privateKey) {}

    /** A real self-signed certificate for the x5c attack, made with the JDK's keytool. */
    private static Certificate selfSignedCertificate() throws Exception {
        Path dir = Files.createTempDirectory("sanad-x5c");
        Path store = dir.resolve("attacker.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "attacker",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=attacker",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "attacker-pass",
                        "-keypass",
                        "attacker-pass")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        var keyStore = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(store.toFile())) {
            keyStore.load(in, "attacker-pass".toCharArray());
        }
        var certificate = (X509Certificate) keyStore.getCertificate("attacker");
        var key = (PrivateKey) keyStore.getKey("attacker", "attacker-pass".toCharArray());
        Files.delete(store);
        Files.delete(dir);
        return new Certificate(certificate, key);
    }
}
