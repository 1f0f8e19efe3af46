package org.sanad.server.defenders;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.sanad.server.testing.ServerTest;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Defender profiles through the API, on the real database with real tokens. */
@IntegrationTest
class DefenderIntegrationTests extends ServerTest {

    String caseworker;

    @BeforeEach
    void fixtures() {
        caseworker = Keycloak.accessToken("caseworker.tigris");
    }

    static String profile(String legalName, String phone) {
        return """
                {"legalName": "%s", "otherNames": ["Umm Ali"], "phone": "%s", "email": "%s@example.invalid",
                 "governorate": "NINEWA", "address": "Street 1, Mosul", "activity": "JOURNALIST", "gender": "female",
                 "riskLevel": "HIGH", "protectionNeeds": "Safe house", "emergencyContact": "Brother"}
                """
                .formatted(legalName, phone, UUID.randomUUID());
    }

    JsonNode register(String legalName, String phone) {
        var response = api.post("/api/defenders", caseworker, profile(legalName, phone));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** The pattern lets "(((((" through; only the phone normalisation knows it has no number. */
    @Test
    void aPhoneWithoutANumberIsABadRequestAndCreatesNothing() {
        long before = Database.count("defenders");

        var created = api.post("/api/defenders", caseworker, profile("No Number Person", "((((("));
        var searched = api.get("/api/defenders?phone=" + encode("((((("), caseworker);

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(created.body()).doesNotContain("(((((", "No Number Person");
        assertThat(searched.status()).isEqualTo(400);
        assertThat(searched.body()).doesNotContain("(((((");
        assertThat(Database.count("defenders")).isEqualTo(before);
    }

    @Test
    void caseworkerRegistersDefenderAndSeesTheProfile() {
        var response = api.post("/api/defenders", caseworker, profile("Zainab Test", "+964 770 111 2233"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode defender = response.json();
        assertThat(defender.get("pseudonym").asString()).matches("HRD-[0-9A-Z]{6}");
        assertThat(defender.get("legalName").asString()).isEqualTo("Zainab Test");
        assertThat(defender.get("otherNames").get(0).asString()).isEqualTo("Umm Ali");
        assertThat(defender.get("access").asString()).isEqualTo("content");
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(response.header("Location"))
                .isEqualTo("/api/defenders/" + defender.get("id").asString());
    }

    @Test
    void otherCaseworkerOfTheOrganisationSeesOnlyMetadata() {
        String id = register("Metadata Only", "07701112234").get("id").asString();

        JsonNode seen = api.get("/api/defenders/" + id, Keycloak.accessToken("caseworker2.tigris"))
                .json();

        assertThat(seen.get("access").asString()).isEqualTo("metadata");
        assertThat(seen.get("pseudonym").asString()).startsWith("HRD-");
        assertThat(seen.has("legalName")).isFalse();
        assertThat(seen.has("phone")).isFalse();
    }

    @Test
    void staffOfAnotherOrganisationGetsNotFound() {
        String id = register("Other Org", "07701112235").get("id").asString();

        var response = api.get("/api/defenders/" + id, Keycloak.accessToken("caseworker.zagros"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(id);
    }

    @Test
    void nonexistentDefenderIsNotFoundLikeAnInvisibleOne() {
        assertThat(api.get("/api/defenders/" + UUID.randomUUID(), caseworker).status())
                .isEqualTo(404);
    }

    @Test
    void adminHasNoAccessToDefenders() {
        String admin = Keycloak.accessToken("admin.platform");

        assertThat(api.post("/api/defenders", admin, profile("Admin Made", "07701112236"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/defenders?name=x", admin).status()).isEqualTo(403);
    }

    @Test
    void defenderRegistersTheirOwnProfileOnlyOnce() {
        String defender = Keycloak.accessToken("defender.zagros");
        String id = new Scenarios(api).ownProfileOf("defender.zagros");

        var again = api.post("/api/defenders", defender, profile("Self Registered", "07701112237"));
        JsonNode own = api.get("/api/defenders/" + id, defender).json();

        assertThat(again.status()).isEqualTo(409);
        assertThat(own.get("organisation").asString()).isEqualTo("zagros-aid");
        assertThat(own.get("legalName").asString()).isEqualTo("Self defender.zagros");
        assertThat(own.get("access").asString()).isEqualTo("content");
    }

    @Test
    void defenderCannotSeeAnotherDefender() {
        String other =
                register("Someone Else Entirely", "07701112299").get("id").asString();
        new Scenarios(api).ownProfileOf("defender.tigris");

        assertThat(api.get("/api/defenders/" + other, Keycloak.accessToken("defender.tigris"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void changeNeedsTheCurrentVersion() {
        String id = register("Versioned Person", "07701112238").get("id").asString();
        String path = "/api/defenders/" + id;

        var missing = api.patch(path, caseworker, null, "{\"riskLevel\": \"CRITICAL\"}");
        var changed = api.patch(path, caseworker, "\"0\"", "{\"riskLevel\": \"CRITICAL\", \"phone\": \"07709998877\"}");
        var stale = api.patch(path, caseworker, "\"0\"", "{\"riskLevel\": \"LOW\"}");

        assertThat(missing.status()).isEqualTo(428);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("riskLevel").asString()).isEqualTo("CRITICAL");
        assertThat(changed.json().get("phone").asString()).isEqualTo("07709998877");
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.get(path, caseworker).json().get("riskLevel").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void caseworkerWithOnlyMetadataCannotChangeTheProfile() {
        String id = register("Not Yours", "07701112239").get("id").asString();

        var response = api.patch(
                "/api/defenders/" + id, Keycloak.accessToken("caseworker2.tigris"), "\"0\"", "{\"gender\": \"x\"}");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void readingAndEmptyChangeCreateNoRevision() {
        String id = register("No Revision", "07701112240").get("id").asString();
        long before = revisions(id);

        api.get("/api/defenders/" + id, caseworker);
        var empty = api.patch("/api/defenders/" + id, caseworker, "\"0\"", "{}");

        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.header("ETag")).isEqualTo("\"0\"");
        assertThat(revisions(id)).isEqualTo(before).isEqualTo(1);
    }

    @Test
    void sealedColumnsHoldCiphertextOnly() {
        String id = register("Canary Qx7Plaintext", "07701112241").get("id").asString();

        var row = Database.asSuperuser().queryForMap("select * from sanad.defenders where id = ?::uuid", id);

        assertThat(row.get("legal_name")).isInstanceOf(byte[].class);
        assertThat(new String((byte[]) row.get("legal_name"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Canary", "Qx7Plaintext");
        assertThat(((byte[]) row.get("legal_name"))[0]).isEqualTo((byte) 0x01);
    }

    @Test
    void ciphertextCopiedToAnotherRowFailsClosedAndIsReported() {
        String source = register("Copied From", "07701112242").get("id").asString();
        String target = register("Copied To", "07701112243").get("id").asString();
        Database.asSuperuser()
                .update(
                        "update sanad.defenders set legal_name = (select legal_name from sanad.defenders where id = ?::uuid) where id = ?::uuid",
                        source,
                        target);
        var security = (Logger) LoggerFactory.getLogger("org.sanad.security");
        var events = new ListAppender<ILoggingEvent>();
        events.start();
        security.addAppender(events);
        try {
            var response = api.get("/api/defenders/" + target, caseworker);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:sanad:problem:integrity-failure");
            assertThat(response.body()).doesNotContain("Copied");
            assertThat(events.list)
                    .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("integrity failure", target));
        } finally {
            security.detachAppender(events);
        }
    }

    @Test
    void searchFindsFoldedArabicSpellingsButNotPartialNames() {
        var registered = register("أحمد الخزاعي", "0770 123 4567");
        String id = registered.get("id").asString();

        JsonNode variant = api.get("/api/defenders?name=" + encode("احمد  الخزاعى"), caseworker)
                .json();
        JsonNode partial =
                api.get("/api/defenders?name=" + encode("احمد"), caseworker).json();

        assertThat(variant).extracting(h -> h.get("id").asString()).contains(id);
        assertThat(variant.get(0).has("legalName")).isFalse();
        assertThat(partial).extracting(h -> h.get("id").asString()).doesNotContain(id);
    }

    @Test
    void searchFindsLatinNamesAcrossCaseAndAccents() {
        String id = register("Noor Al-Hashimi", "0770 123 4570").get("id").asString();

        JsonNode hits = api.get("/api/defenders?name=" + encode("NOOR al-hashimi"), caseworker)
                .json();

        assertThat(hits).extracting(h -> h.get("id").asString()).contains(id);
    }

    @Test
    void searchFindsPhoneInLocalAndInternationalForm() {
        String id = register("Phone Person", "0770 123 4599").get("id").asString();

        JsonNode international = api.get("/api/defenders?phone=" + encode("+964 770 123 4599"), caseworker)
                .json();
        JsonNode other = api.get("/api/defenders?phone=" + encode("+964 770 123 4598"), caseworker)
                .json();

        assertThat(international).extracting(h -> h.get("id").asString()).containsExactly(id);
        assertThat(other).extracting(h -> h.get("id").asString()).doesNotContain(id);
    }

    @Test
    void searchDoesNotCrossOrganisations() {
        register("Cross Org Search", "0770 123 4601");

        JsonNode hits = api.get(
                        "/api/defenders?name=" + encode("Cross Org Search"), Keycloak.accessToken("caseworker.zagros"))
                .json();

        assertThat(hits).isEmpty();
    }

    @Test
    void searchNeedsExactlyOneParameter() {
        assertThat(api.get("/api/defenders", caseworker).status()).isEqualTo(400);
        assertThat(api.get("/api/defenders?name=a&phone=0770", caseworker).status())
                .isEqualTo(400);
    }

    @Test
    void erasureMakesTheDefenderUnreadableEverywhereAndSparesOthers() {
        String erased = register("Erase Me", "0770 123 4602").get("id").asString();
        String kept = register("Keep Me", "0770 123 4603").get("id").asString();
        api.patch("/api/defenders/" + erased, caseworker, "\"0\"", "{\"address\": \"New address\"}");

        var forbidden = api.delete(
                "/api/defenders/" + erased + "/personal-data?requestedOn=" + java.time.LocalDate.now()
                        + "&how=IN_PERSON",
                caseworker);
        var response = api.delete(
                "/api/defenders/" + erased + "/personal-data?requestedOn=" + java.time.LocalDate.now()
                        + "&how=IN_PERSON",
                Keycloak.accessToken("supervisor.tigris"));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(response.status()).isEqualTo(204);
        JsonNode after = api.get("/api/defenders/" + erased, caseworker).json();
        assertThat(after.get("erased").asBoolean()).isTrue();
        assertThat(after.has("legalName")).isFalse();
        assertThat(api.get("/api/defenders/" + kept, caseworker)
                        .json()
                        .get("legalName")
                        .asString())
                .isEqualTo("Keep Me");
        assertThat(api.get("/api/defenders?name=" + encode("Erase Me"), caseworker)
                        .json())
                .isEmpty();
        var db = Database.asSuperuser();
        assertThat(db.queryForObject(
                        "select count(*) from sanad.wrapped_keys where owner = ?::uuid", Long.class, erased))
                .isZero();
        assertThat(db.queryForObject(
                        "select count(*) from sanad.blind_indexes where defender_id = ?::uuid", Long.class, erased))
                .isZero();
        assertThat(db.queryForObject(
                        "select count(*) from sanad.defenders_aud where id = ?::uuid and legal_name is not null",
                        Long.class,
                        erased))
                .isPositive();
    }

    @Test
    void erasureNeedsTheDefendersRequestAndRecordsIt() {
        String id = register("Asked To Erase", "0770 123 4604").get("id").asString();
        String supervisor = Keycloak.accessToken("supervisor.tigris");

        var unstated = api.delete("/api/defenders/" + id + "/personal-data", supervisor);
        var future = api.delete(
                "/api/defenders/" + id + "/personal-data?requestedOn="
                        + java.time.LocalDate.now().plusDays(2) + "&how=PHONE",
                supervisor);
        var stated = api.delete(
                "/api/defenders/" + id + "/personal-data?requestedOn=" + java.time.LocalDate.now() + "&how=PHONE",
                supervisor);

        assertThat(unstated.status()).isEqualTo(400);
        assertThat(future.status()).isEqualTo(400);
        assertThat(stated.status()).isEqualTo(204);
        assertThat(Database.asSuperuser()
                        .queryForObject(
                                "select purpose from sanad.access_log where action = 'ERASURE' and record_id = ?::uuid",
                                String.class,
                                id))
                .contains("PHONE");
    }

    private long revisions(String id) {
        return Database.asSuperuser()
                .queryForObject("select count(*) from sanad.defenders_aud where id = ?::uuid", Long.class, id);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
