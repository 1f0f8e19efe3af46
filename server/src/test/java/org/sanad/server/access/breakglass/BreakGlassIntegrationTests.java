package org.sanad.server.access.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Break-glass: a supervisor reaches the content of one record of their
 * organisation, with a written reason, for a limited time, recorded and shown to the organisation.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BreakGlassIntegrationTests extends ServerTest {

    static String token(String user) {
        return Keycloak.accessToken(user);
    }

    /** A written reason, unique per call so that it can be searched for in the logs and the database. */
    static String reason() {
        return "Defender unreachable after a raid, checking the file " + UUID.randomUUID();
    }

    static String request(String record, String reason, Integer minutes) {
        return "{\"record\": \"%s\", \"reason\": \"%s\"%s}"
                .formatted(record, reason, minutes == null ? "" : ", \"minutes\": " + minutes);
    }

    /** Moves a grant back in time (grants are append-only, so this bypasses the triggers). */
    static void expire(String grant) {
        int updated = Database.asSuperuserBypassingTriggers()
                .update(
                        "update sanad.break_glass_grants set granted_at = now() - interval '2 hours',"
                                + " expires_at = now() - interval '90 minutes' where id = ?",
                        UUID.fromString(grant));
        assertThat(updated).isEqualTo(1);
    }

    String subject(String user) {
        return api.get("/api/me", token(user)).json().get("subject").asString();
    }

    static long grantCount() {
        return Database.count("break_glass_grants");
    }

    @Test
    void supervisorSeesCaseFileContentOnlyWhileTheGrantIsActive() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Summary behind glass");
        String path = "/api/cases/" + file.get("id").asString();

        JsonNode before = api.get(path, token("supervisor.tigris")).json();
        JsonNode grant =
                scenarios.aBreakGlassGrant("supervisor.tigris", file.get("id").asString(), reason());
        JsonNode during = api.get(path, token("supervisor.tigris")).json();
        expire(grant.get("id").asString());
        var after = api.get(path, token("supervisor.tigris"));

        assertThat(before.get("access").asString()).isEqualTo("metadata");
        assertThat(before.has("legalSummary")).isFalse();
        assertThat(during.get("access").asString()).isEqualTo("break-glass");
        assertThat(during.get("legalSummary").asString()).isEqualTo("Summary behind glass");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("access").asString()).isEqualTo("metadata");
        assertThat(after.json().has("legalSummary")).isFalse();
    }

    @Test
    void grantIsInTheAccessLogAndReadsThroughItAreMarkedBreakGlass() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Logged summary");
        String id = file.get("id").asString();

        scenarios.aBreakGlassGrant("supervisor.tigris", id, reason());
        api.get("/api/cases/" + id, token("supervisor.tigris"));

        List<Map<String, Object>> entries = Database.asSuperuser()
                .queryForList(
                        "select action, purpose, actor, record_type from sanad.access_log"
                                + " where record_id = ? and actor = ? order by id",
                        UUID.fromString(id),
                        subject("supervisor.tigris"));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0))
                .containsEntry("action", "BREAK_GLASS")
                .containsEntry("purpose", "break-glass")
                .containsEntry("record_type", "case-file");
        assertThat(entries.get(1)).containsEntry("action", "READ").containsEntry("purpose", "break-glass");
    }

    @Test
    void organisationSupervisorsSeeEveryGrantWithItsReasonAndOthersDoNot() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Listed summary");
        String reason = reason();
        JsonNode grant =
                scenarios.aBreakGlassGrant("supervisor.tigris", file.get("id").asString(), reason);
        String grantId = grant.get("id").asString();

        JsonNode listed = find(api.get("/api/break-glass?size=100", token("supervisor.tigris")), grantId);
        var zagros = api.get("/api/break-glass?size=100", token("supervisor.zagros"));
        var caseworker = api.get("/api/break-glass", token("caseworker.tigris"));
        expire(grantId);
        JsonNode past = find(api.get("/api/break-glass?size=100", token("supervisor.tigris")), grantId);
        byte[] stored = Database.asSuperuser()
                .queryForObject(
                        "select reason from sanad.break_glass_grants where id = ?",
                        byte[].class,
                        UUID.fromString(grantId));

        assertThat(grant.has("reason")).isFalse();
        assertThat(listed).isNotNull();
        assertThat(listed.get("reason").asString()).isEqualTo(reason);
        assertThat(listed.get("supervisor").asString()).isEqualTo(subject("supervisor.tigris"));
        assertThat(listed.get("recordType").asString()).isEqualTo("case-file");
        assertThat(listed.get("record").asString()).isEqualTo(file.get("id").asString());
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(Duration.between(
                        Instant.parse(listed.get("grantedAt").asString()),
                        Instant.parse(listed.get("expiresAt").asString())))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(zagros.status()).isEqualTo(200);
        assertThat(find(zagros, grantId)).isNull();
        assertThat(zagros.body()).doesNotContain(reason);
        assertThat(caseworker.status()).isEqualTo(403);
        assertThat(past.get("active").asBoolean()).isFalse();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(reason.substring(0, 20));
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(reason.substring(0, 20));
    }

    @Test
    void grantOnAnotherOrganisationsRecordOrOnNoRecordIsNotFound() {
        JsonNode zagrosFile = scenarios.anOpenCaseFile("caseworker.zagros", "Zagros summary");
        String zagrosId = zagrosFile.get("id").asString();
        String nowhere = UUID.randomUUID().toString();
        long before = grantCount();

        var other = api.post("/api/break-glass", token("supervisor.tigris"), request(zagrosId, reason(), 10));
        var missing = api.post("/api/break-glass", token("supervisor.tigris"), request(nowhere, reason(), 10));

        assertThat(other.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(zagrosId);
        assertThat(missing.body()).doesNotContain(nowhere);
        assertThat(grantCount()).isEqualTo(before);
        assertThat(api.get("/api/cases/" + zagrosId, token("supervisor.tigris")).status())
                .isEqualTo(404);
    }

    @Test
    void onlySupervisorsBreakGlass() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Not for caseworkers");
        String body = request(file.get("id").asString(), reason(), 10);
        long before = grantCount();

        assertThat(api.post("/api/break-glass", token("caseworker.tigris"), body)
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/break-glass", token("caseworker2.tigris"), body)
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/break-glass", token("defender.tigris"), body).status())
                .isEqualTo(403);
        assertThat(api.post("/api/break-glass", token("admin.platform"), body).status())
                .isEqualTo(403);
        assertThat(api.post("/api/break-glass", null, body).status()).isEqualTo(401);
        assertThat(grantCount()).isEqualTo(before);
    }

    @Test
    void reasonOfFewerThanTwentyCharactersIsRefusedWithoutEcho() {
        String id = scenarios
                .anOpenCaseFile("caseworker.tigris", "Short reason")
                .get("id")
                .asString();
        long before = grantCount();

        var tooShort = api.post("/api/break-glass", token("supervisor.tigris"), request(id, "Need it quickly now", 10));
        var padded = api.post(
                "/api/break-glass",
                token("supervisor.tigris"),
                request(id, "          Need it quickly now          ", 10));
        var missing = api.post("/api/break-glass", token("supervisor.tigris"), "{\"record\": \"" + id + "\"}");
        var tooLong = api.post("/api/break-glass", token("supervisor.tigris"), request(id, "x".repeat(2001), 10));

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.contentType()).startsWith("application/problem+json");
        assertThat(tooShort.body()).doesNotContain("Need it quickly", id);
        assertThat(padded.status()).isEqualTo(400);
        assertThat(padded.body()).doesNotContain("Need it quickly");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).doesNotContain("xxxxxxxxxx");
        assertThat(grantCount()).isEqualTo(before);
    }

    @Test
    void grantLastsOneToSixtyMinutesAndThirtyWhenNotSaid() {
        String id = scenarios
                .anOpenCaseFile("caseworker.tigris", "Durations")
                .get("id")
                .asString();
        long before = grantCount();

        var tooLong = api.post("/api/break-glass", token("supervisor.tigris"), request(id, reason(), 61));
        var none = api.post("/api/break-glass", token("supervisor.tigris"), request(id, reason(), 0));
        var negative = api.post("/api/break-glass", token("supervisor.tigris"), request(id, reason(), -5));
        long afterRefusals = grantCount();
        var unsaid = api.post("/api/break-glass", token("supervisor.tigris"), request(id, reason(), null));
        var hour = api.post("/api/break-glass", token("supervisor.tigris"), request(id, reason(), 60));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(none.status()).isEqualTo(400);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(afterRefusals).isEqualTo(before);
        assertThat(unsaid.status()).isEqualTo(201);
        assertThat(lasts(unsaid.json())).isEqualTo(Duration.ofMinutes(30));
        assertThat(hour.status()).isEqualTo(201);
        assertThat(lasts(hour.json())).isEqualTo(Duration.ofMinutes(60));
    }

    static Duration lasts(JsonNode grant) {
        return Duration.between(
                Instant.parse(grant.get("grantedAt").asString()),
                Instant.parse(grant.get("expiresAt").asString()));
    }

    @Test
    void grantOnOneRecordOpensNoOther() {
        JsonNode opened = scenarios.anOpenCaseFile("caseworker.tigris", "Opened summary");
        JsonNode other = scenarios.anOpenCaseFile("caseworker.tigris", "Other summary");
        String incident = opened.get("incidentIds").get(0).asString();
        String defender = opened.get("defenderId").asString();

        scenarios.aBreakGlassGrant("supervisor.tigris", opened.get("id").asString(), reason());

        JsonNode otherFile = api.get("/api/cases/" + other.get("id").asString(), token("supervisor.tigris"))
                .json();
        JsonNode linkedReport = api.get("/api/incidents/" + incident, token("supervisor.tigris"))
                .json();
        JsonNode profile = api.get("/api/defenders/" + defender, token("supervisor.tigris"))
                .json();
        assertThat(otherFile.get("access").asString()).isEqualTo("metadata");
        assertThat(otherFile.has("legalSummary")).isFalse();
        assertThat(linkedReport.get("access").asString()).isEqualTo("metadata");
        assertThat(linkedReport.has("narrative")).isFalse();
        assertThat(profile.get("access").asString()).isEqualTo("metadata");
        assertThat(profile.has("legalName")).isFalse();
        assertThat(api.get("/api/cases/" + opened.get("id").asString(), token("supervisor.tigris"))
                        .json()
                        .get("legalSummary")
                        .asString())
                .isEqualTo("Opened summary");
    }

    @Test
    void grantOpensAnIncidentReportADefenderProfileAndAReferral() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Glass Person");
        String incident = scenarios.anIncidentReportedBy("caseworker.tigris", defender, "Narrative behind glass");
        JsonNode referral = scenarios.aPendingReferral("caseworker.tigris", "zagros-aid");
        String referralPath = "/api/referrals/" + referral.get("id").asString();

        JsonNode reportBefore = api.get("/api/incidents/" + incident, token("supervisor.tigris"))
                .json();
        JsonNode profileBefore = api.get("/api/defenders/" + defender, token("supervisor.tigris"))
                .json();
        JsonNode referralBefore =
                api.get(referralPath, token("supervisor.tigris")).json();
        scenarios.aBreakGlassGrant("supervisor.tigris", incident, reason());
        scenarios.aBreakGlassGrant("supervisor.tigris", defender, reason());
        scenarios.aBreakGlassGrant("supervisor.tigris", referral.get("id").asString(), reason());
        JsonNode report = api.get("/api/incidents/" + incident, token("supervisor.tigris"))
                .json();
        JsonNode profile = api.get("/api/defenders/" + defender, token("supervisor.tigris"))
                .json();
        JsonNode referralDuring =
                api.get(referralPath, token("supervisor.tigris")).json();

        assertThat(reportBefore.has("narrative")).isFalse();
        assertThat(report.get("access").asString()).isEqualTo("break-glass");
        assertThat(report.get("narrative").asString()).isEqualTo("Narrative behind glass");
        assertThat(profileBefore.has("legalName")).isFalse();
        assertThat(profile.get("access").asString()).isEqualTo("break-glass");
        assertThat(profile.get("legalName").asString()).isEqualTo("Glass Person");
        assertThat(referralBefore.get("side").asString()).isEqualTo("sending-supervisor");
        assertThat(referralBefore.has("reason")).isFalse();
        assertThat(referralDuring.get("side").asString()).isEqualTo("break-glass");
        assertThat(referralDuring.get("reason").asString()).isEqualTo("Needs a lawyer in Erbil");
        assertThat(referralDuring.has("shared")).isFalse();
    }

    @Test
    void anotherSupervisorGainsNothingFromSomeoneElsesGrant() {
        var colleague = TestKeycloak.createUser("supervisor", "tigris-legal");
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Only for the grantee");
        String path = "/api/cases/" + file.get("id").asString();

        scenarios.aBreakGlassGrant("supervisor.tigris", file.get("id").asString(), reason());

        JsonNode seen = api.get(path, token(colleague.username())).json();
        assertThat(seen.get("access").asString()).isEqualTo("metadata");
        assertThat(seen.has("legalSummary")).isFalse();
        assertThat(api.get("/api/break-glass?size=100", token(colleague.username()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void changeMadeThroughAGrantNamesTheGrantInTheHistory() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Changed Through Glass");
        String path = "/api/defenders/" + defender;

        var withoutGrant = api.patch(path, token("supervisor.tigris"), "\"0\"", "{\"riskLevel\": \"CRITICAL\"}");
        JsonNode grant = scenarios.aBreakGlassGrant("supervisor.tigris", defender, reason());
        var withGrant = api.patch(path, token("supervisor.tigris"), "\"0\"", "{\"riskLevel\": \"CRITICAL\"}");
        JsonNode history =
                api.get(path + "/history", token("supervisor.tigris")).json();
        List<JsonNode> entries = new ArrayList<>();
        history.forEach(entries::add);

        assertThat(withoutGrant.status()).isEqualTo(403);
        assertThat(withGrant.status()).as(withGrant.body()).isEqualTo(200);
        assertThat(entries).hasSize(2);
        assertThat(entries.getFirst().has("purpose")).isFalse();
        assertThat(entries.getLast().get("purpose").asString()).isEqualTo("break-glass");
        assertThat(entries.getLast().get("breakGlassGrant").asString())
                .isEqualTo(grant.get("id").asString());
        assertThat(entries.getLast().get("changedFields").toString()).contains("riskLevel");
        assertThat(Database.asSuperuser()
                        .queryForObject(
                                "select count(*) from sanad.revisions where break_glass_grant = ? and purpose = 'break-glass'",
                                Long.class,
                                UUID.fromString(grant.get("id").asString())))
                .isEqualTo(1L);
    }

    @Test
    void recordOfAnErasedDefenderCannotBeBrokenInto() {
        String defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Erased Before Glass");
        assertThat(api.delete(
                                "/api/defenders/" + defender + "/personal-data?requestedOn=" + java.time.LocalDate.now()
                                        + "&how=IN_PERSON",
                                token("supervisor.tigris"))
                        .status())
                .isEqualTo(204);
        long before = grantCount();

        var response = api.post("/api/break-glass", token("supervisor.tigris"), request(defender, reason(), 10));

        assertThat(response.status()).isEqualTo(409);
        assertThat(grantCount()).isEqualTo(before);
    }

    @Test
    void reasonNeverReachesTheServerLog(CapturedOutput output) {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Log check");
        String reason = reason();

        scenarios.aBreakGlassGrant("supervisor.tigris", file.get("id").asString(), reason);
        api.get("/api/cases/" + file.get("id").asString(), token("supervisor.tigris"));
        api.get("/api/break-glass?size=100", token("supervisor.tigris"));
        api.post(
                "/api/break-glass",
                token("supervisor.tigris"),
                request(file.get("id").asString(), reason.substring(0, 19), 10));

        assertThat(output.getAll()).doesNotContain(reason).doesNotContain(reason.substring(0, 19));
    }

    /** The listed grant with this id, or null. */
    static JsonNode find(Api.Response listing, String grantId) {
        if (listing.status() != 200) {
            return null;
        }
        for (JsonNode item : listing.json().get("items")) {
            if (item.get("id").asString().equals(grantId)) {
                return item;
            }
        }
        return null;
    }
}
