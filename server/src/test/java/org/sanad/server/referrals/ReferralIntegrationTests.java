package org.sanad.server.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/** Referrals: consent required, exactly the shared fields, only while live. */
@IntegrationTest
class ReferralIntegrationTests extends ServerTest {

    static String token(String user) {
        return Keycloak.accessToken(user);
    }

    static String referral(String to, String consent, String sharedFields, LocalDate expiresOn) {
        return """
                {"toOrganisation": "%s", "service": "LEGAL_REPRESENTATION", "reason": "Needs a lawyer in Erbil",
                 "sharedFields": [%s], "expiresOn": "%s"%s}
                """
                .formatted(to, sharedFields, expiresOn, consent == null ? "" : ", \"consent\": " + consent);
    }

    static final String CONSENT = "{\"givenOn\": \"%s\", \"how\": \"IN_PERSON\"}"
            .formatted(LocalDate.now().minusDays(1));

    /** A pending referral from tigris-legal to zagros-aid sharing legal name, phone and incident narratives. */
    JsonNode aPendingReferral() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Summary never shared");
        var response = api.post(
                "/api/cases/" + file.get("id").asString() + "/referrals",
                token("caseworker.tigris"),
                referral(
                        "zagros-aid",
                        CONSENT,
                        "\"legalName\", \"phone\", \"incident.narrative\"",
                        LocalDate.now().plusDays(30)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void receiverReadsExactlyTheSharedFieldsWhileLive() {
        JsonNode referral = aPendingReferral();

        JsonNode received = api.get("/api/referrals/" + referral.get("id").asString(), token("caseworker.zagros"))
                .json();

        assertThat(received.get("side").asString()).isEqualTo("receiver");
        JsonNode shared = received.get("shared");
        assertThat(shared.get("legalName").asString()).startsWith("Case Person");
        assertThat(shared.has("phone")).isTrue();
        assertThat(shared.propertyNames())
                .anySatisfy(name -> assertThat(name).startsWith("incident.").endsWith(".narrative"));
        assertThat(shared.has("address")).isFalse();
        assertThat(received.has("reason")).isFalse();
        assertThat(received.toString()).doesNotContain("Summary never shared", "Fake street", "Unknown armed group");
    }

    @Test
    void senderSeesTheReasonButNoOneElseInTheirOrganisationDoes() {
        JsonNode referral = aPendingReferral();
        String path = "/api/referrals/" + referral.get("id").asString();

        assertThat(referral.get("reason").asString()).isEqualTo("Needs a lawyer in Erbil");
        assertThat(api.get(path, token("caseworker2.tigris")).status()).isEqualTo(404);
        JsonNode supervisor = api.get(path, token("supervisor.tigris")).json();
        assertThat(supervisor.has("reason")).isFalse();
        assertThat(supervisor.has("shared")).isFalse();
    }

    @Test
    void referralWithoutConsentIsRefusedAndCreatesNothing() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "No consent");
        long before = Database.count("referrals");

        var response = api.post(
                "/api/cases/" + file.get("id").asString() + "/referrals",
                token("caseworker.tigris"),
                referral("zagros-aid", null, "\"legalName\"", LocalDate.now().plusDays(30)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("consent");
        assertThat(Database.count("referrals")).isEqualTo(before);
    }

    @Test
    void unknownSharedFieldOrOwnOrganisationIsRefused() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Bad referral");
        String path = "/api/cases/" + file.get("id").asString() + "/referrals";

        var unknown = api.post(
                path,
                token("caseworker.tigris"),
                referral("zagros-aid", CONSENT, "\"password\"", LocalDate.now().plusDays(3)));
        var own = api.post(
                path,
                token("caseworker.tigris"),
                referral(
                        "tigris-legal",
                        CONSENT,
                        "\"legalName\"",
                        LocalDate.now().plusDays(3)));
        var past = api.post(
                path,
                token("caseworker.tigris"),
                referral("zagros-aid", CONSENT, "\"legalName\"", LocalDate.now().minusDays(1)));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).doesNotContain("password");
        assertThat(own.status()).isEqualTo(409);
        assertThat(past.status()).isEqualTo(409);
    }

    @Test
    void onlyAssigneesMayRefer() {
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Not yours to refer");

        var response = api.post(
                "/api/cases/" + file.get("id").asString() + "/referrals",
                token("caseworker2.tigris"),
                referral("zagros-aid", CONSENT, "\"legalName\"", LocalDate.now().plusDays(3)));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void eachSideMakesOnlyItsOwnMoves() {
        String path = "/api/referrals/" + aPendingReferral().get("id").asString();

        assertThat(api.post(path + "/accept", token("caseworker.tigris"), "").status())
                .isEqualTo(403);
        assertThat(api.post(path + "/withdraw", token("caseworker.zagros"), "").status())
                .isEqualTo(403);
        assertThat(api.post(path + "/accept", token("caseworker.zagros"), "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(api.post(path + "/decline", token("caseworker.zagros"), "").status())
                .isEqualTo(409);
        assertThat(api.post(path + "/withdraw", token("caseworker.tigris"), "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("WITHDRAWN");
        assertThat(api.post(path + "/close", token("caseworker.zagros"), "").status())
                .isEqualTo(409);
    }

    @Test
    void withdrawnReferralSharesNothingAnyMore() {
        String path = "/api/referrals/" + aPendingReferral().get("id").asString();
        api.post(path + "/withdraw", token("caseworker.tigris"), "");

        JsonNode received = api.get(path, token("caseworker.zagros")).json();

        assertThat(received.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(received.has("shared")).isFalse();
    }

    @Test
    void expiredReferralSharesNothingAndCannotBeAccepted() {
        JsonNode referral = aPendingReferral();
        String path = "/api/referrals/" + referral.get("id").asString();
        Database.asSuperuser()
                .update(
                        "update sanad.referrals set expires_on = current_date - 1 where id = ?::uuid",
                        referral.get("id").asString());

        JsonNode received = api.get(path, token("caseworker.zagros")).json();

        assertThat(received.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(received.has("shared")).isFalse();
        assertThat(api.post(path + "/accept", token("caseworker.zagros"), "").status())
                .isEqualTo(409);
    }

    @Test
    void historyDoesNotNameTheOtherOrganisationsStaff() {
        String path = "/api/referrals/" + aPendingReferral().get("id").asString();
        api.post(path + "/accept", token("caseworker.zagros"), "");
        String receiver = api.get("/api/me", token("caseworker.zagros"))
                .json()
                .get("subject")
                .asString();
        String sender = api.get("/api/me", token("caseworker.tigris"))
                .json()
                .get("subject")
                .asString();

        JsonNode asSender =
                api.get(path + "/history", token("caseworker.tigris")).json();
        JsonNode asReceiver =
                api.get(path + "/history", token("caseworker.zagros")).json();

        assertThat(asSender.toString()).contains(sender).doesNotContain(receiver);
        assertThat(asSender.get(asSender.size() - 1).get("organisation").asString())
                .isEqualTo("zagros-aid");
        assertThat(asReceiver.toString()).contains(receiver).doesNotContain(sender);
    }

    @Test
    void thirdOrganisationsAndUnrelatedDefendersSeeNothing() {
        String path = "/api/referrals/" + aPendingReferral().get("id").asString();
        scenarios.ownProfileOf("defender.tigris");

        assertThat(api.get(path, token("defender.tigris")).status()).isEqualTo(404);
        assertThat(api.get(path, token("admin.platform")).status()).isEqualTo(403);
    }
}
