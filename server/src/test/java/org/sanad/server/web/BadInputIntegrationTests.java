package org.sanad.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint that takes a body refuses malformed JSON, unknown fields, wrong types, invalid
 * enum values and oversized bodies with a problem that echoes nothing, and changes nothing.
 */
@IntegrationTest
class BadInputIntegrationTests extends ServerTest {

    static final List<String> TABLES = List.of(
            "defenders",
            "defenders_aud",
            "incident_reports",
            "incident_reports_aud",
            "case_files",
            "case_files_aud",
            "case_notes",
            "case_file_assignees",
            "referrals",
            "referrals_aud",
            "revisions",
            "blind_indexes",
            "wrapped_keys",
            "access_log",
            "idempotency_keys");

    /** One endpoint with a body, and bodies that break it in each way. */
    record Endpoint(String method, String path, String wrongType, String invalidEnum) {}

    List<Endpoint> endpoints() {
        var scenarios = new Scenarios(api);
        JsonNode file = scenarios.anOpenCaseFile("caseworker.tigris", "Bad input target");
        String defender = file.get("defenderId").asString();
        String incident = scenarios.anIncidentReportedBy("caseworker.tigris", defender, "Bad input incident");
        String caseFile = "/api/cases/" + file.get("id").asString();
        return List.of(
                new Endpoint("POST", "/api/defenders", "{\"legalName\": 12345}", "{\"riskLevel\": \"ATLANTIS\"}"),
                new Endpoint(
                        "PATCH",
                        "/api/defenders/" + defender,
                        "{\"legalName\": 12345}",
                        "{\"activity\": \"ATLANTIS\"}"),
                new Endpoint("POST", "/api/incidents", "{\"narrative\": [1, 2]}", "{\"type\": \"ATLANTIS\"}"),
                new Endpoint(
                        "POST",
                        "/api/incidents/" + incident + "/triage",
                        "{\"status\": 5}",
                        "{\"status\": \"ATLANTIS\"}"),
                new Endpoint("POST", "/api/cases", "{\"defenderId\": 5}", "{\"nextActionOn\": \"ATLANTIS\"}"),
                new Endpoint("POST", caseFile + "/notes", "{\"text\": {\"a\": 1}}", "{\"text\": true}"),
                new Endpoint("POST", caseFile + "/assignees", "{\"subject\": 5}", "{\"subject\": [\"ATLANTIS\"]}"),
                new Endpoint("POST", caseFile + "/status", "{\"status\": 5}", "{\"status\": \"ATLANTIS\"}"),
                new Endpoint(
                        "POST",
                        caseFile + "/referrals",
                        "{\"sharedFields\": \"legalName\"}",
                        "{\"service\": \"ATLANTIS\"}"));
    }

    Api.Response send(Endpoint endpoint, String body) {
        return api.send(api.request(endpoint.path())
                .header("Authorization", "Bearer " + Keycloak.accessToken("caseworker.tigris"))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"0\"")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void everyBodyEndpointRefusesBadInputAndChangesNothing() {
        List<Endpoint> endpoints = endpoints();
        List<Long> before = counts();
        String oversized = "{\"narrative\": \"" + "CANARYVAL".repeat(40_000) + "\"}";

        for (Endpoint endpoint : endpoints) {
            check(endpoint, "malformed", send(endpoint, "{\"legalName\": \"CANARYVAL"), 400);
            check(endpoint, "unknown field", send(endpoint, "{\"zzCanaryField\": \"CANARYVAL\"}"), 400);
            check(endpoint, "wrong type", send(endpoint, endpoint.wrongType()), 400);
            check(endpoint, "invalid enum", send(endpoint, endpoint.invalidEnum()), 400);
            check(endpoint, "oversized", send(endpoint, oversized), 413);
            check(endpoint, "not JSON", send(endpoint, "CANARYVAL=1&x=2"), 400);
        }

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void unknownFieldIsReportedWithoutItsName() {
        var response = api.post("/api/defenders", Keycloak.accessToken("caseworker.tigris"), "{\"zzCanaryField\": 1}");

        assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("unknown-field");
        assertThat(response.body()).doesNotContain("zzCanaryField");
    }

    @Test
    void validationErrorsNameTheFieldAndRuleButNotTheValue() {
        var response = api.post(
                "/api/defenders",
                Keycloak.accessToken("caseworker.tigris"),
                "{\"legalName\": \"CANARYVAL\\u0007\", \"governorate\": \"BAGHDAD\", \"activity\": \"LAWYER\", \"riskLevel\": \"LOW\", \"email\": \"CANARYVAL-not-an-email\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors"))
                .extracting(e -> e.get("field").asString())
                .contains("legalName", "email");
        assertThat(response.body()).doesNotContain("CANARYVAL");
    }

    private static void check(Endpoint endpoint, String what, Api.Response response, int status) {
        String label = endpoint.method() + " " + endpoint.path() + " (" + what + ")";
        assertThat(response.status()).as(label).isEqualTo(status);
        assertThat(response.contentType()).as(label).startsWith("application/problem+json");
        assertThat(response.body()).as(label).doesNotContain("CANARYVAL", "zzCanaryField", "ATLANTIS", "Exception");
    }

    private List<Long> counts() {
        Function<String, Long> count = Database::count;
        return TABLES.stream().map(count).toList();
    }
}
