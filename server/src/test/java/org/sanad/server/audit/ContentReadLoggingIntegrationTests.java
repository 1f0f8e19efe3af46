package org.sanad.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The proof behind the rule "every read of content is recorded, or the read fails". The list
 * of GET endpoints comes from the running application's handler mappings, so a new endpoint fails
 * {@link #everyGetEndpointIsClassified} until someone decides whether it discloses content. Each
 * logged endpoint is then called as a caller who may see the planted canaries: it must write
 * exactly one access-log entry for that request, and with the access log refusing inserts it must
 * answer a problem that carries no canary.
 */
@IntegrationTest
class ContentReadLoggingIntegrationTests extends ServerTest {

    /** GET endpoints that return sealed content (opened through SealedFields, one READ entry). */
    static final Set<String> RETURNS_CONTENT = Set.of(
            "/api/defenders/{id}", "/api/incidents/{id}", "/api/cases/{id}", "/api/referrals/{id}", "/api/break-glass");

    /** GET endpoints that return no sealed content but are recorded reads (search, history, audit). */
    static final Set<String> LOGGED_WITHOUT_CONTENT = Set.of(
            "/api/defenders",
            "/api/defenders/{id}/history",
            "/api/incidents/{id}/history",
            "/api/cases/{id}/history",
            "/api/referrals/{id}/history",
            "/api/audit/access",
            "/api/audit/revisions",
            "/api/audit/anomalies",
            "/api/me/access-log");

    /**
     * Pages: they answer to a browser session, not a token, and each calls the same service as the
     * API endpoint named, which makes the decision and writes the entry (proved for those above).
     */
    static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/me/profile", "/api/defenders/{id}"),
            Map.entry("/me/profile/edit", "/api/defenders/{id}"),
            Map.entry("/me/reports/{id}", "/api/incidents/{id}"),
            Map.entry("/me/seen", "/api/me/access-log"),
            Map.entry("/me/reports", "/api/incidents (metadata)"),
            Map.entry("/staff/reports", "/api/incidents (metadata)"),
            Map.entry("/me/cases", "a defender's case files: status only"),
            Map.entry("/me/referrals", "a defender's referrals: status only"),
            Map.entry("/me", "whether the defender has a profile"),
            Map.entry("/me/profile/new", "an empty form"),
            Map.entry("/me/reports/new", "an empty form"),
            Map.entry("/", "the front door"),
            Map.entry("/signed-out", "a fixed message"),
            Map.entry("/exit", "a redirect"),
            Map.entry("/account/lockdown", "a confirmation"));

    /** GET endpoints that disclose no content and write no entry, and why. */
    static final Map<String, String> NO_CONTENT = Map.of(
            "/api/me", "the caller's own token claims",
            "/api/audit/public-key", "the public checkpoint key",
            "/api/incidents", "intake metadata only (IncidentView.metadata)",
            "/error", "fixed problems only",
            "/actuator/health", "status only, no details or components",
            "/actuator/health/**", "liveness and readiness probes");

    private static final String REFUSE_CONSTRAINT = "access_log_refused_by_test";

    @Autowired
    ApplicationContext context;

    /** One call of a logged GET endpoint, by a caller who may read it. */
    record Call(
            String pattern,
            String path,
            String username,
            String action,
            String recordType,
            String recordId,
            List<String> canaries) {}

    @Test
    void everyGetEndpointIsClassified() {
        Set<String> classified = new TreeSet<>();
        classified.addAll(RETURNS_CONTENT);
        classified.addAll(LOGGED_WITHOUT_CONTENT);
        classified.addAll(NO_CONTENT.keySet());
        classified.addAll(PAGES.keySet());

        assertThat(getEndpoints())
                .as("every GET endpoint is in exactly one list, and every listed endpoint exists")
                .isEqualTo(classified);
        assertThat(RETURNS_CONTENT).doesNotContainAnyElementsOf(LOGGED_WITHOUT_CONTENT);
        assertThat(NO_CONTENT.keySet())
                .doesNotContainAnyElementsOf(RETURNS_CONTENT)
                .doesNotContainAnyElementsOf(LOGGED_WITHOUT_CONTENT);
    }

    @Test
    void everyContentReadWritesExactlyOneAccessLogEntryForItsRequest() {
        List<Call> calls = plantAndListCalls();
        assertThat(calls.stream().map(Call::pattern).collect(Collectors.toSet()))
                .as("every logged endpoint is exercised")
                .containsAll(RETURNS_CONTENT)
                .containsAll(LOGGED_WITHOUT_CONTENT);

        for (Call call : calls) {
            var response = api.get(call.path(), Keycloak.accessToken(call.username()));

            assertThat(response.status()).as(call.pattern()).isEqualTo(200);
            for (String canary : call.canaries()) {
                assertThat(response.body())
                        .as("%s discloses the planted value", call.pattern())
                        .contains(canary);
            }
            String requestId = response.header("X-Request-Id");
            assertThat(requestId).isNotBlank();
            var entries = Database.asSuperuser()
                    .queryForList(
                            "select actor, action, record_type, record_id::text as record_id from sanad.access_log"
                                    + " where request_id = ?",
                            requestId);
            assertThat(entries)
                    .as("%s writes exactly one entry", call.pattern())
                    .hasSize(1);
            var entry = entries.getFirst();
            assertThat(entry.get("action")).as(call.pattern()).isEqualTo(call.action());
            assertThat(entry.get("record_type")).as(call.pattern()).isEqualTo(call.recordType());
            assertThat(entry.get("record_id")).as(call.pattern()).isEqualTo(call.recordId());
            assertThat(entry.get("actor")).as(call.pattern()).isEqualTo(subjectOf(call.username()));
        }
    }

    @Test
    void contentReadsFailClosedWhenTheAccessLogRefusesEntries() {
        List<Call> calls = plantAndListCalls();
        long before = Database.count("access_log");
        var superuser = Database.asSuperuser();
        superuser.execute(
                "alter table sanad.access_log add constraint " + REFUSE_CONSTRAINT + " check (false) not valid");
        List<Api.Response> responses = new ArrayList<>();
        try {
            for (Call call : calls) {
                responses.add(api.get(call.path(), Keycloak.accessToken(call.username())));
            }
        } finally {
            superuser.execute("alter table sanad.access_log drop constraint " + REFUSE_CONSTRAINT);
        }

        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            var response = responses.get(i);
            assertThat(response.status()).as(call.pattern()).isEqualTo(500);
            assertThat(response.contentType()).as(call.pattern()).startsWith("application/problem+json");
            assertThat(response.body())
                    .as(call.pattern())
                    .doesNotContain("Exception", "at org.", "access_log", "constraint", "trace");
            for (String canary : call.canaries()) {
                assertThat(response.body()).as(call.pattern()).doesNotContain(canary);
            }
        }
        assertThat(Database.count("access_log")).isEqualTo(before);
        // And once the log accepts entries again, the same reads work: the failure was the log's.
        var again = calls.getFirst();
        assertThat(api.get(again.path(), Keycloak.accessToken(again.username())).status())
                .isEqualTo(200);
    }

    /**
     * Plants canaries through the API in a defender, an incident, a case file with a note and a
     * referral, and lists one call (two for referrals: sender and receiver) of every logged GET.
     */
    private List<Call> plantAndListCalls() {
        String caseworker = "caseworker.tigris";
        String token = Keycloak.accessToken(caseworker);
        String legalName = canary("legalName");
        String narrative = canary("narrative");
        String summary = canary("legalSummary");
        String note = canary("note");
        String reason = canary("reason");

        String defender = scenarios.aDefenderRegisteredBy(caseworker, legalName);
        String incident = scenarios.aTriagedIncident(caseworker, defender, narrative);
        var file = api.post(
                "/api/cases",
                token,
                "{\"defenderId\": \"%s\", \"incidentIds\": [\"%s\"], \"legalSummary\": \"%s\"}"
                        .formatted(defender, incident, summary));
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        String caseFile = file.json().get("id").asString();
        assertThat(api.post("/api/cases/" + caseFile + "/notes", token, "{\"text\": \"%s\"}".formatted(note))
                        .status())
                .isEqualTo(201);
        var referral = api.post(
                "/api/cases/" + caseFile + "/referrals",
                token,
                """
                {"toOrganisation": "zagros-aid", "service": "LEGAL_ADVICE", "reason": "%s",
                 "sharedFields": ["legalName", "incident.narrative"], "expiresOn": "%s",
                 "consent": {"givenOn": "%s", "how": "IN_PERSON"}}
                """
                        .formatted(reason, LocalDate.now().plusDays(30), LocalDate.now()));
        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        String referralId = referral.json().get("id").asString();
        String glassReason = canary("glass");
        var grant = api.post(
                "/api/break-glass",
                Keycloak.accessToken("supervisor.tigris"),
                "{\"record\": \"%s\", \"reason\": \"%s must be checked urgently\", \"minutes\": 5}"
                        .formatted(caseFile, glassReason));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);

        String ownProfile = scenarios.ownProfileOf("defender.tigris");

        return List.of(
                new Call(
                        "/api/me/access-log",
                        "/api/me/access-log",
                        "defender.tigris",
                        "AUDIT",
                        "access-log",
                        ownProfile,
                        List.of()),
                new Call(
                        "/api/break-glass",
                        "/api/break-glass",
                        "supervisor.tigris",
                        "READ",
                        "break-glass-grant",
                        null,
                        List.of(glassReason)),
                new Call(
                        "/api/defenders/{id}",
                        "/api/defenders/" + defender,
                        caseworker,
                        "READ",
                        "defender",
                        defender,
                        List.of(legalName)),
                new Call(
                        "/api/incidents/{id}",
                        "/api/incidents/" + incident,
                        caseworker,
                        "READ",
                        "incident",
                        incident,
                        List.of(narrative)),
                new Call(
                        "/api/cases/{id}",
                        "/api/cases/" + caseFile,
                        caseworker,
                        "READ",
                        "case-file",
                        caseFile,
                        List.of(summary, note)),
                new Call(
                        "/api/referrals/{id}",
                        "/api/referrals/" + referralId,
                        caseworker,
                        "READ",
                        "referral",
                        referralId,
                        List.of(reason)),
                new Call(
                        "/api/referrals/{id}",
                        "/api/referrals/" + referralId,
                        "caseworker.zagros",
                        "READ",
                        "referral",
                        referralId,
                        List.of(legalName, narrative)),
                new Call(
                        "/api/defenders",
                        "/api/defenders?name=" + legalName,
                        caseworker,
                        "SEARCH",
                        "defender",
                        null,
                        List.of(defender)),
                new Call(
                        "/api/defenders/{id}/history",
                        "/api/defenders/" + defender + "/history",
                        caseworker,
                        "HISTORY",
                        "defender",
                        defender,
                        List.of()),
                new Call(
                        "/api/incidents/{id}/history",
                        "/api/incidents/" + incident + "/history",
                        caseworker,
                        "HISTORY",
                        "incident",
                        incident,
                        List.of()),
                new Call(
                        "/api/cases/{id}/history",
                        "/api/cases/" + caseFile + "/history",
                        caseworker,
                        "HISTORY",
                        "case-file",
                        caseFile,
                        List.of()),
                new Call(
                        "/api/referrals/{id}/history",
                        "/api/referrals/" + referralId + "/history",
                        caseworker,
                        "HISTORY",
                        "referral",
                        referralId,
                        List.of()),
                new Call(
                        "/api/audit/access",
                        "/api/audit/access?record=" + defender,
                        "supervisor.tigris",
                        "AUDIT",
                        "access-log",
                        defender,
                        List.of()),
                new Call(
                        "/api/audit/access",
                        "/api/audit/access?actor=" + subjectOf(caseworker),
                        "supervisor.tigris",
                        "AUDIT",
                        "access-log",
                        null,
                        List.of()),
                new Call(
                        "/api/audit/revisions",
                        "/api/audit/revisions",
                        "supervisor.tigris",
                        "AUDIT",
                        "revisions",
                        null,
                        List.of()),
                new Call(
                        "/api/audit/anomalies",
                        "/api/audit/anomalies",
                        "supervisor.tigris",
                        "AUDIT",
                        "anomalies",
                        null,
                        List.of()));
    }

    /** The GET (or any-method) endpoints of every request-mapping handler mapping, actuator included. */
    private Set<String> getEndpoints() {
        return context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .filter(info -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    return methods.isEmpty() || methods.contains(RequestMethod.GET);
                })
                .flatMap(info -> Stream.of(info.getPatternValues().toArray(String[]::new)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String subjectOf(String username) {
        return api.get("/api/me", Keycloak.accessToken(username))
                .json()
                .get("subject")
                .asString();
    }

    private static String canary(String field) {
        return "CNRY" + field.toUpperCase(Locale.ROOT)
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
    }
}
