package org.sanad.server.audit.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * The supervisors' audit API: who in my organisation read what, who of another organisation read
 * my records (without naming them), and nothing of other organisations' own business.
 */
@IntegrationTest
class AuditApiIntegrationTests extends ServerTest {

    @Test
    void supervisorSeesWhoInTheOrganisationReadARecordNewestFirst() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Audit Reader Person");
        var read = api.get("/api/defenders/" + defender, token("caseworker.tigris"));
        assertThat(read.status()).isEqualTo(200);

        var response = api.get("/api/audit/access?record=" + defender, token("supervisor.tigris"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(response.json().get("total").asLong()).isEqualTo(2);
        JsonNode newest = items.get(0);
        assertThat(newest.get("requestId").asString()).isEqualTo(read.header("X-Request-Id"));
        assertThat(newest.get("actor").asString()).isEqualTo(subject("caseworker.tigris"));
        assertThat(newest.get("actorOrganisation").asString()).isEqualTo("tigris-legal");
        assertThat(newest.get("action").asString()).isEqualTo("READ");
        assertThat(newest.get("recordType").asString()).isEqualTo("defender");
        assertThat(newest.get("recordId").asString()).isEqualTo(defender);
        assertThat(newest.get("purpose").asString()).isEqualTo("casework");
        assertThat(newest.get("fields")).extracting(JsonNode::asString).contains("legalName", "phone");
        assertThat(Instant.parse(newest.get("at").asString()))
                .isAfterOrEqualTo(Instant.parse(items.get(1).get("at").asString()));
        assertThat(response.body()).doesNotContain("Audit Reader Person");
    }

    @Test
    void readingTheAuditLogIsItselfRecorded() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Audit Recorded Person");

        var response = api.get(
                "/api/audit/access?record=" + defender + "&from=2020-01-01T00:00:00Z", token("supervisor.tigris"));

        assertThat(response.status()).isEqualTo(200);
        var entries = Database.asSuperuser()
                .queryForList(
                        "select actor, organisation, action, record_type, record_id::text as record_id,"
                                + " array_to_string(fields, ',') as fields, purpose"
                                + " from sanad.access_log where request_id = ?",
                        response.header("X-Request-Id"));
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst())
                .containsEntry("actor", subject("supervisor.tigris"))
                .containsEntry("organisation", "tigris-legal")
                .containsEntry("action", "AUDIT")
                .containsEntry("record_type", "access-log")
                .containsEntry("record_id", defender)
                .containsEntry("fields", "record,from")
                .containsEntry("purpose", "supervision");
        // The next supervisor to look sees that someone looked.
        JsonNode items = api.get("/api/audit/access?record=" + defender, token("supervisor.tigris"))
                .json()
                .get("items");
        assertThat(items.get(0).get("action").asString()).isEqualTo("AUDIT");
    }

    @Test
    void onlySupervisorsReadTheAuditTrail() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Audit Forbidden Person");
        for (String user : List.of("caseworker.tigris", "defender.tigris", "admin.platform")) {
            for (String path : List.of(
                    "/api/audit/access?record=" + defender,
                    "/api/audit/access?actor=" + subject("caseworker.tigris"),
                    "/api/audit/revisions")) {
                var response = api.get(path, token(user));
                assertThat(response.status()).as(user + " " + path).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(api.get("/api/audit/revisions", null).status()).isEqualTo(401);
        assertThat(api.get("/api/audit/access?record=" + defender, token("supervisor.tigris"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void supervisorOfAnotherOrganisationSeesNothingAboutARecordTheyNeverTouched() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Audit Foreign Person");
        api.get("/api/defenders/" + defender, token("caseworker.tigris"));

        var foreign = api.get("/api/audit/access?record=" + defender, token("supervisor.zagros"));
        var unknown = api.get("/api/audit/access?record=" + UUID.randomUUID(), token("supervisor.zagros"));

        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.json().get("total").asLong()).isZero();
        assertThat(foreign.json().get("items")).isEmpty();
        assertThat(unknown.json().get("total").asLong()).isZero();
    }

    @Test
    void actorQueriesStayWithinTheSupervisorsOrganisation() {
        String caseworker = subject("caseworker.tigris");
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Audit Actor Person");
        api.get("/api/defenders/" + defender, token("caseworker.tigris"));

        var own = api.get("/api/audit/access?actor=" + caseworker + "&size=100", token("supervisor.tigris"));
        var foreign = api.get("/api/audit/access?actor=" + caseworker, token("supervisor.zagros"));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("items")).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.get("actor").asString()).isEqualTo(caseworker);
            assertThat(entry.get("actorOrganisation").asString()).isEqualTo("tigris-legal");
        });
        assertThat(own.json().get("items"))
                .anySatisfy(
                        entry -> assertThat(entry.get("recordId").asString()).isEqualTo(defender));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.json().get("total").asLong()).isZero();
    }

    @Test
    void sendingSupervisorSeesThatTheReceivingOrganisationReadTheReferralButNotWho() {
        String referral = aReferralToZagros();
        var receiverRead = api.get("/api/referrals/" + referral, token("caseworker.zagros"));
        assertThat(receiverRead.status()).isEqualTo(200);

        JsonNode sending = api.get("/api/audit/access?record=" + referral, token("supervisor.tigris"))
                .json()
                .get("items");

        JsonNode receiverEntry = find(sending, receiverRead.header("X-Request-Id"));
        assertThat(receiverEntry)
                .as("the receiver's read is shown to the sending supervisor")
                .isNotNull();
        assertThat(receiverEntry.get("actorOrganisation").asString()).isEqualTo("zagros-aid");
        assertThat(receiverEntry.get("actor").isNull())
                .as("the receiver's staff member is not named")
                .isTrue();
        assertThat(receiverEntry.get("purpose").asString()).isEqualTo("referral");
        assertThat(receiverEntry.get("fields"))
                .extracting(JsonNode::asString)
                .contains("legalName")
                .anySatisfy(field -> assertThat(field).startsWith("incident.").endsWith(".narrative"));
        assertThat(sending.toString()).doesNotContain(subject("caseworker.zagros"));
        // The sending organisation's own entries keep their actors.
        assertThat(sending).anySatisfy(entry -> {
            assertThat(entry.get("actorOrganisation").asString()).isEqualTo("tigris-legal");
            assertThat(entry.get("actor").asString()).isEqualTo(subject("caseworker.tigris"));
        });
    }

    @Test
    void receivingSupervisorSeesOnlyTheirOwnStaffsReadsOfAReferral() {
        String referral = aReferralToZagros();
        var receiverRead = api.get("/api/referrals/" + referral, token("caseworker.zagros"));
        api.get("/api/audit/access?record=" + referral, token("supervisor.tigris"));

        JsonNode receiving = api.get("/api/audit/access?record=" + referral, token("supervisor.zagros"))
                .json()
                .get("items");

        JsonNode own = find(receiving, receiverRead.header("X-Request-Id"));
        assertThat(own).isNotNull();
        assertThat(own.get("actor").asString()).isEqualTo(subject("caseworker.zagros"));
        assertThat(receiving)
                .as("neither the sender's reads nor the sending supervisor's audit query")
                .allSatisfy(entry ->
                        assertThat(entry.get("actorOrganisation").asString()).isEqualTo("zagros-aid"));
    }

    @Test
    void accessLogIsPagedAndFilteredByTime() {
        UUID record = UUID.randomUUID();
        String actor = subject("caseworker2.tigris");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Instant> times =
                List.of(now.minus(3, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        for (Instant at : times) {
            plant(at, actor, "tigris-legal", record);
        }
        // Another organisation's entry about the same (unowned) record stays invisible.
        plant(now.minus(1, ChronoUnit.HOURS), subject("caseworker.zagros"), "zagros-aid", record);

        // Up to half an hour ago: the audit queries' own AUDIT entries about the record come later.
        String upTo = "&to=" + now.minus(30, ChronoUnit.MINUTES);
        var first = api.get("/api/audit/access?record=" + record + "&size=2" + upTo, token("supervisor.tigris"));
        var second =
                api.get("/api/audit/access?record=" + record + "&size=2&page=1" + upTo, token("supervisor.tigris"));
        var ranged = api.get(
                "/api/audit/access?record=%s&from=%s&to=%s".formatted(record, times.get(1), times.get(2)),
                token("supervisor.tigris"));

        assertThat(first.json().get("total").asLong()).isEqualTo(3);
        assertThat(first.json().get("items")).hasSize(2);
        assertThat(at(first.json().get("items").get(0))).isEqualTo(times.get(2));
        assertThat(at(first.json().get("items").get(1))).isEqualTo(times.get(1));
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(at(second.json().get("items").get(0))).isEqualTo(times.get(0));
        assertThat(ranged.json().get("total").asLong())
                .as("from inclusive, to exclusive")
                .isEqualTo(1);
        assertThat(at(ranged.json().get("items").get(0))).isEqualTo(times.get(1));
    }

    @Test
    void malformedAuditQueriesAreBadRequestsThatEchoNothing() {
        String supervisor = token("supervisor.tigris");
        UUID record = UUID.randomUUID();
        List<String> bad = List.of(
                "/api/audit/access",
                "/api/audit/access?record=" + record + "&actor=someone-canary",
                "/api/audit/access?record=not-a-uuid-canary",
                "/api/audit/access?actor=bad%20canary%3Cscript%3E",
                "/api/audit/access?record=" + record + "&size=101",
                "/api/audit/access?record=" + record + "&size=0",
                "/api/audit/access?record=" + record + "&page=-1",
                "/api/audit/access?record=" + record + "&from=yesterday-canary",
                "/api/audit/access?record=" + record + "&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "/api/audit/access?record=" + record + "&from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "/api/audit/revisions?size=101",
                "/api/audit/revisions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        for (String path : bad) {
            var response = api.get(path, supervisor);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).doesNotContain("canary", "script", record.toString());
        }
    }

    @Test
    void revisionsListTheOrganisationsChangesWithTheRecordsTheyChanged() {
        Instant before = Instant.now().minusSeconds(1);
        var created =
                api.post("/api/defenders", token("caseworker.tigris"), Scenarios.profileJson("Audit Revision Person"));
        assertThat(created.status()).isEqualTo(201);
        String defender = created.json().get("id").asString();

        var response = api.get("/api/audit/revisions?size=100&from=" + before, token("supervisor.tigris"));
        var foreign = api.get("/api/audit/revisions?size=100&from=" + before, token("supervisor.zagros"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode revision = find(response.json().get("items"), created.header("X-Request-Id"));
        assertThat(revision).isNotNull();
        assertThat(revision.get("subject").asString()).isEqualTo(subject("caseworker.tigris"));
        assertThat(revision.get("clientId").asString()).isEqualTo(Keycloak.DEMO_CLIENT);
        assertThat(revision.get("records")).anySatisfy(record -> {
            assertThat(record.get("type").asString()).isEqualTo("defender");
            assertThat(record.get("id").asString()).isEqualTo(defender);
        });
        assertThat(response.body()).doesNotContain("Audit Revision Person");
        assertThat(find(foreign.json().get("items"), created.header("X-Request-Id")))
                .as("another organisation's supervisor does not see it")
                .isNull();
        List<Long> numbers = new ArrayList<>();
        response.json()
                .get("items")
                .forEach(item -> numbers.add(item.get("revision").asLong()));
        assertThat(numbers).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(Database.asSuperuser()
                        .queryForObject(
                                "select count(*) from sanad.access_log where request_id = ? and action = 'AUDIT'"
                                        + " and record_type = 'revisions'",
                                Long.class,
                                response.header("X-Request-Id")))
                .isEqualTo(1);
    }

    private String aReferralToZagros() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Audit referral summary");
        var referral = api.post(
                "/api/cases/" + file.get("id").asString() + "/referrals",
                token("caseworker.tigris"),
                """
                {"toOrganisation": "zagros-aid", "service": "LEGAL_ADVICE", "reason": "Needs a lawyer",
                 "sharedFields": ["legalName", "incident.narrative"], "expiresOn": "%s",
                 "consent": {"givenOn": "%s", "how": "IN_PERSON"}}
                """
                        .formatted(LocalDate.now().plusDays(30), LocalDate.now()));
        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        return referral.json().get("id").asString();
    }

    static void plant(Instant at, String actor, String organisation, UUID record) {
        Database.asSuperuser()
                .update(
                        "insert into sanad.access_log (at, actor, organisation, action, record_type, record_id, fields,"
                                + " purpose, request_id) values (?, ?, ?, 'READ', 'defender', ?, '{legalName}',"
                                + " 'casework', ?)",
                        Timestamp.from(at),
                        actor,
                        organisation,
                        record,
                        "planted-" + UUID.randomUUID());
    }

    private static JsonNode find(JsonNode items, String requestId) {
        for (JsonNode item : items) {
            if (requestId.equals(item.get("requestId").asString())) {
                return item;
            }
        }
        return null;
    }

    private static Instant at(JsonNode entry) {
        return Instant.parse(entry.get("at").asString());
    }

    private String subject(String username) {
        return api.get("/api/me", token(username)).json().get("subject").asString();
    }

    private static String token(String username) {
        return Keycloak.accessToken(username);
    }
}
