package org.sanad.server.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Named scenarios built through the real API, with plainly fake data. */
public final class Scenarios {

    private static final Map<String, String> OWN_PROFILES = new ConcurrentHashMap<>();

    private final Api api;

    public Scenarios(Api api) {
        this.api = api;
    }

    public static String profileJson(String legalName) {
        return """
                {"legalName": "%s", "phone": "+964 770 %07d", "governorate": "BAGHDAD", "activity": "LAWYER",
                 "riskLevel": "MEDIUM", "address": "Fake street 9"}
                """
                .formatted(legalName, Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000));
    }

    /** A defender registered by a caseworker of their organisation. */
    public String aDefenderRegisteredBy(String caseworker, String legalName) {
        var response = api.post("/api/defenders", Keycloak.accessToken(caseworker), profileJson(legalName));
        check(response, 201);
        return response.json().get("id").asString();
    }

    /** The profile a demo defender registered themselves (once per test run). */
    public String ownProfileOf(String defender) {
        return OWN_PROFILES.computeIfAbsent(defender, d -> {
            var response = api.post("/api/defenders", Keycloak.accessToken(d), profileJson("Self " + d));
            if (response.status() == 409) {
                // Registered by an earlier run against the same database: look it up.
                String subject = api.get("/api/me", Keycloak.accessToken(d))
                        .json()
                        .get("subject")
                        .asString();
                return Database.asSuperuser()
                        .queryForObject(
                                "select id from sanad.defenders where keycloak_subject = ?", String.class, subject);
            }
            check(response, 201);
            return response.json().get("id").asString();
        });
    }

    public static String incidentJson(String defenderId, String narrative) {
        return """
                {%s"occurredOn": "%s", "governorate": "BASRA", "type": "THREAT", "severity": "HIGH",
                 "perpetratorCategory": "Unknown armed group", "narrative": "%s", "location": "Near the market"}
                """
                .formatted(
                        defenderId == null ? "" : "\"defenderId\": \"" + defenderId + "\", ",
                        LocalDate.now().minusDays(3),
                        narrative);
    }

    /** An incident report filed by a caseworker about a defender. */
    public String anIncidentReportedBy(String caseworker, String defenderId, String narrative) {
        var response =
                api.post("/api/incidents", Keycloak.accessToken(caseworker), incidentJson(defenderId, narrative));
        check(response, 201);
        return response.json().get("id").asString();
    }

    /** An incident report claimed (triaged) by a caseworker. */
    public String aTriagedIncident(String caseworker, String defenderId, String narrative) {
        String id = anIncidentReportedBy(caseworker, defenderId, narrative);
        check(
                api.post(
                        "/api/incidents/" + id + "/triage",
                        Keycloak.accessToken(caseworker),
                        "{\"status\": \"TRIAGED\"}"),
                200);
        return id;
    }

    /** A case file opened by a caseworker from a triaged report of a new defender. */
    public JsonNode anOpenCaseFile(String caseworker, String legalSummary) {
        String defender = aDefenderRegisteredBy(caseworker, "Case Person " + UUID.randomUUID());
        String incident = aTriagedIncident(caseworker, defender, "Threatened at work");
        return openedCaseFile(caseworker, defender, incident, legalSummary);
    }

    private JsonNode openedCaseFile(String caseworker, String defender, String incident, String legalSummary) {
        var response = api.post(
                "/api/cases",
                Keycloak.accessToken(caseworker),
                """
                {"defenderId": "%s", "incidentIds": ["%s"], "legalSummary": "%s", "nextActionOn": "2027-01-15"}
                """
                        .formatted(defender, incident, legalSummary));
        check(response, 201);
        return response.json();
    }

    /**
     * A case file about a demo defender, opened by a caseworker of their organisation from a report
     * the defender filed about themselves and the caseworker claimed.
     */
    public JsonNode aCaseFileAbout(String defender, String caseworker, String legalSummary) {
        String profile = ownProfileOf(defender);
        var reported = api.post("/api/incidents", Keycloak.accessToken(defender), incidentJson(null, "Own report"));
        check(reported, 201);
        String incident = reported.json().get("id").asString();
        check(
                api.post(
                        "/api/incidents/" + incident + "/triage",
                        Keycloak.accessToken(caseworker),
                        "{\"status\": \"TRIAGED\"}"),
                200);
        return openedCaseFile(caseworker, profile, incident, legalSummary);
    }

    /**
     * A pending referral of a new case file (opened and assigned to the caseworker) to another
     * organisation, sharing the defender's legal name and the incident narratives, with consent.
     */
    public JsonNode aPendingReferral(String caseworker, String toOrganisation) {
        JsonNode file = anOpenCaseFile(caseworker, "Summary never shared");
        var response = api.post(
                "/api/cases/" + file.get("id").asString() + "/referrals",
                Keycloak.accessToken(caseworker),
                """
                {"toOrganisation": "%s", "service": "LEGAL_REPRESENTATION", "reason": "Needs a lawyer in Erbil",
                 "sharedFields": ["legalName", "incident.narrative"], "expiresOn": "%s",
                 "consent": {"givenOn": "%s", "how": "IN_PERSON"}}
                """
                        .formatted(
                                toOrganisation,
                                LocalDate.now().plusDays(30),
                                LocalDate.now().minusDays(1)));
        check(response, 201);
        return response.json();
    }

    /** A break-glass grant of a supervisor on one record, with a written reason. */
    public JsonNode aBreakGlassGrant(String supervisor, String record, String reason) {
        var response = api.post(
                "/api/break-glass",
                Keycloak.accessToken(supervisor),
                "{\"record\": \"%s\", \"reason\": \"%s\", \"minutes\": 15}".formatted(record, reason));
        check(response, 201);
        return response.json();
    }

    private static void check(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }
}
