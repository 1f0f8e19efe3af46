package org.sanad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.infra.testing.TestKeycloak.TestUser;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix: every endpoint the application maps, for every role
 * and every record situation, answers the status in {@link #MATRIX}. The endpoints are read from
 * the application's own handler mappings: an endpoint without a row, or a row without an
 * endpoint, fails the build.
 *
 * <p>Record situations, seen from each role's demo user of tigris-legal: <b>own</b>, the records
 * of one case about defender.tigris, which caseworker.tigris claimed and opened and to which
 * supervisor.tigris is assigned (for admin.platform, who has no records, the same ones);
 * <b>same</b>, a case of tigris-legal that caseworker2.tigris works alone; <b>other</b>, a case of
 * zagros-aid referred to a third organisation; <b>none</b>, a random id. For account endpoints
 * ({@code /api/users/{subject}/…}) the "records" are accounts: one's own, another account of the
 * organisation, one of zagros-aid, a random subject.
 *
 * <p>Expected statuses follow docs/api.md: a role the endpoint is not for gets 403, a record
 * outside need-to-know 404 like one that does not exist, no token 401. A 409 in the table is a
 * documented refusal of a valid request by the record's state (noted at the row). Calls that
 * change state use valid bodies, and, where a success would use up the record (erasure, status
 * moves, referral moves, triage, break-glass), a fresh record per call.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

    /*
     * One row per endpoint. Per role: own, same-organisation, other-organisation, nonexistent
     * record; "-" where the endpoint names no record (its one status is in the first column).
     * Notes:
     *  (1) a defender has one profile: a second is 409.
     *  (2) a defender always reports about themselves: a defenderId in the body is ignored.
     *  (3) the own report is already claimed and linked: triage again is 409.
     *  (4) the same-organisation report was claimed by caseworker2: only its claimant opens a case.
     *  (5) the defender sees the status of their case file, not its working history.
     *  (6) accept and decline are the receiving side's moves: a sender may see but not make them.
     *  (7) supervisors reach content only by break-glass: notes and referrals on a case they only
     *      see as metadata are 403.
     */
    static final String MATRIX =
            """
            # endpoint                                  defender          caseworker        supervisor        admin             no token
            #                                           own sam oth non   own sam oth non   own sam oth non   own sam oth non
            GET    /api/me                              200  -   -   -    200  -   -   -    200  -   -   -    200  -   -   -    401
            POST   /api/me/lockdown                     202  -   -   -    202  -   -   -    202  -   -   -    202  -   -   -    401
            GET    /api/me/access-log                   200  -   -   -    403  -   -   -    403  -   -   -    403  -   -   -    401
            POST   /api/users/{subject}/lockdown        403 403 403 403   403 403 403 403   202 202 404 404   403 403 403 403   401
            POST   /api/users/{subject}/unlock          403 403 403 403   403 403 403 403   403 200 404 404   403 403 403 403   401
            POST   /api/defenders                       409  -   -   -    201  -   -   -    201  -   -   -    403  -   -   -    401
            GET    /api/defenders                       403  -   -   -    200  -   -   -    200  -   -   -    403  -   -   -    401
            GET    /api/defenders/{id}                  200 404 404 404   200 200 404 404   200 200 404 404   403 403 403 403   401
            PATCH  /api/defenders/{id}                  200 404 404 404   200 403 404 404   200 403 404 404   403 403 403 403   401
            GET    /api/defenders/{id}/history          200 404 404 404   200 200 404 404   200 200 404 404   403 403 403 403   401
            DELETE /api/defenders/{id}/personal-data    403 403 403 403   403 403 403 403   204 204 404 404   403 403 403 403   401
            POST   /api/incidents                       201 201 201 201   201 404 404 404   403 403 403 403   403 403 403 403   401
            GET    /api/incidents                       200  -   -   -    200  -   -   -    200  -   -   -    403  -   -   -    401
            GET    /api/incidents/{id}                  200 404 404 404   200 200 404 404   200 200 404 404   403 403 403 403   401
            GET    /api/incidents/{id}/history          200 404 404 404   200 200 404 404   200 200 404 404   403 403 403 403   401
            POST   /api/incidents/{id}/triage           403 403 403 403   409 200 404 404   403 403 403 403   403 403 403 403   401
            POST   /api/cases                           403 403 403 403   201 409 404 404   403 403 403 403   403 403 403 403   401
            GET    /api/cases/{id}                      200 404 404 404   200 404 404 404   200 200 404 404   403 403 403 403   401
            GET    /api/cases/{id}/history              404 404 404 404   200 404 404 404   200 200 404 404   403 403 403 403   401
            POST   /api/cases/{id}/assignees            403 403 403 403   200 404 404 404   200 200 404 404   403 403 403 403   401
            POST   /api/cases/{id}/notes                403 403 403 403   201 404 404 404   201 403 404 404   403 403 403 403   401
            POST   /api/cases/{id}/status               403 403 403 403   200 404 404 404   200 200 404 404   403 403 403 403   401
            POST   /api/cases/{id}/referrals            403 403 403 403   201 404 404 404   201 403 404 404   403 403 403 403   401
            GET    /api/referrals/{id}                  200 404 404 404   200 404 404 404   200 200 404 404   403 403 403 403   401
            GET    /api/referrals/{id}/history          404 404 404 404   200 404 404 404   200 200 404 404   403 403 403 403   401
            POST   /api/referrals/{id}/accept           403 403 403 403   403 404 404 404   403 403 404 404   403 403 403 403   401
            POST   /api/referrals/{id}/decline          403 403 403 403   403 404 404 404   403 403 404 404   403 403 403 403   401
            POST   /api/referrals/{id}/withdraw         403 403 403 403   200 404 404 404   200 200 404 404   403 403 403 403   401
            POST   /api/referrals/{id}/close            403 403 403 403   200 404 404 404   200 200 404 404   403 403 403 403   401
            POST   /api/break-glass                     403 403 403 403   403 403 403 403   201 201 404 404   403 403 403 403   401
            GET    /api/break-glass                     403  -   -   -    403  -   -   -    200  -   -   -    403  -   -   -    401
            GET    /api/audit/access                    403 403 403 403   403 403 403 403   200 200 200 200   403 403 403 403   401
            GET    /api/audit/revisions                 403  -   -   -    403  -   -   -    200  -   -   -    403  -   -   -    401
            GET    /api/audit/anomalies                 403  -   -   -    403  -   -   -    200  -   -   -    403  -   -   -    401
            POST   /api/audit/verify                    403  -   -   -    403  -   -   -    200  -   -   -    200  -   -   -    401
            GET    /api/audit/public-key                403  -   -   -    403  -   -   -    200  -   -   -    200  -   -   -    401
            """;

    /**
     * Not in the matrix, on purpose: {@code /error} is the servlet container's error page, reached
     * only by an ERROR dispatch of another request (ProblemErrorController); actuator endpoints
     * (health only, without a token) are served by their own handler mapping, not this one; the
     * pages answer to a browser session, not a token, and have their own matrix
     * (PageAuthorizationIntegrationTests).
     */
    static boolean excluded(String pattern) {
        return pattern.equals("/error") || pattern.startsWith("/actuator") || !pattern.startsWith("/api/");
    }

    enum Actor {
        DEFENDER("defender", "defender.tigris", "tigris-legal"),
        CASEWORKER("caseworker", "caseworker.tigris", "tigris-legal"),
        SUPERVISOR("supervisor", "supervisor.tigris", "tigris-legal"),
        ADMIN("admin", "admin.platform", "platform");

        final String role;
        final String demoUser;
        final String organisation;

        Actor(String role, String demoUser, String organisation) {
            this.role = role;
            this.demoUser = demoUser;
            this.organisation = organisation;
        }
    }

    /** In the order they are called: a call on one's own record may lock one's own account. */
    enum Situation {
        NONEXISTENT,
        OTHER_ORG,
        SAME_ORG,
        OWN
    }

    /** The records of one case: a profile, a report, the case file and a referral. */
    record World(String defender, String incident, String caseFile, String referral) {}

    /** One call of an endpoint, by an actor (null: no token) on a record in a situation. */
    @FunctionalInterface
    interface Call {
        Api.Response call(Actor actor, Situation situation);
    }

    record Row(String method, String path, Map<Actor, int[]> expected, int anonymous, boolean namesRecord) {

        String key() {
            return method + " " + path;
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    Api api;
    Scenarios scenarios;
    World own;
    World same;
    World other;
    Map<Actor, String> subjects = new EnumMap<>(Actor.class);
    TestUser helper;
    TestUser sameAccount;
    TestUser otherAccount;
    TestUser locker;

    @BeforeAll
    void fixtures() {
        api = new Api(port);
        scenarios = new Scenarios(api);
        for (Actor actor : Actor.values()) {
            subjects.put(
                    actor,
                    api.get("/api/me", token(actor)).json().get("subject").asString());
        }
        JsonNode ownCase = scenarios.aCaseFileAbout("defender.tigris", "caseworker.tigris", "Matrix own summary");
        assign(ownCase.get("id").asString(), "caseworker.tigris", subjects.get(Actor.SUPERVISOR));
        own = new World(
                ownCase.get("defenderId").asString(),
                ownCase.get("incidentIds").get(0).asString(),
                ownCase.get("id").asString(),
                refer(ownCase.get("id").asString(), "caseworker.tigris", "zagros-aid"));
        same = worldOf(scenarios.aPendingReferral("caseworker2.tigris", "zagros-aid"), "caseworker2.tigris");
        other = worldOf(scenarios.aPendingReferral("caseworker.zagros", "euphrates-aid"), "caseworker.zagros");
        helper = TestKeycloak.createUser("caseworker", "tigris-legal");
        sameAccount = TestKeycloak.createUser("caseworker", "tigris-legal");
        otherAccount = TestKeycloak.createUser("caseworker", "zagros-aid");
        locker = TestKeycloak.createUser("supervisor", "tigris-legal");
    }

    /** How each row's endpoint is called; keys are the rows of {@link #MATRIX}. */
    Map<String, Call> calls() {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("GET /api/me", (a, s) -> api.get("/api/me", token(a)));
        calls.put("GET /api/me/access-log", (a, s) -> api.get("/api/me/access-log", token(a)));

        Map<Actor, TestUser> selfLockers = throwawayActors();
        calls.put("POST /api/me/lockdown", (a, s) -> api.post("/api/me/lockdown", token(selfLockers, a), "{}"));

        Map<Actor, TestUser> lockers = throwawayActors();
        calls.put("POST /api/users/{subject}/lockdown", (a, s) -> {
            String subject =
                    switch (s) {
                        case OWN -> lockers.get(a).subject();
                        case SAME_ORG -> sameAccount.subject();
                        case OTHER_ORG -> otherAccount.subject();
                        case NONEXISTENT -> UUID.randomUUID().toString();
                    };
            return api.post("/api/users/" + subject + "/lockdown", token(lockers, a), "{}");
        });
        calls.put("POST /api/users/{subject}/unlock", (a, s) -> {
            String subject =
                    switch (s) {
                        case OWN -> subjects.get(a);
                        case SAME_ORG -> aLockedAccount();
                        case OTHER_ORG -> otherAccount.subject();
                        case NONEXISTENT -> UUID.randomUUID().toString();
                    };
            return api.post(
                    "/api/users/" + subject + "/unlock",
                    token(a),
                    "{\"reason\": \"Locked by mistake during the authorization matrix\"}");
        });

        calls.put(
                "POST /api/defenders",
                (a, s) -> api.post("/api/defenders", token(a), Scenarios.profileJson("Matrix Person")));
        calls.put("GET /api/defenders", (a, s) -> api.get("/api/defenders?name=Matrix%20Nobody", token(a)));
        calls.put("GET /api/defenders/{id}", (a, s) -> api.get("/api/defenders/" + pick(s, World::defender), token(a)));
        calls.put("PATCH /api/defenders/{id}", (a, s) -> {
            String id = pick(s, World::defender);
            return api.patch("/api/defenders/" + id, token(a), etagOf(id), "{\"riskLevel\": \"HIGH\"}");
        });
        calls.put(
                "GET /api/defenders/{id}/history",
                (a, s) -> api.get("/api/defenders/" + pick(s, World::defender) + "/history", token(a)));
        calls.put("DELETE /api/defenders/{id}/personal-data", (a, s) -> {
            String id =
                    switch (s) {
                        case OWN -> aDefenderOwnedBy(a);
                        case SAME_ORG -> scenarios.aDefenderRegisteredBy("caseworker2.tigris", "Erasable Person");
                        default -> pick(s, World::defender);
                    };
            return api.delete(
                    "/api/defenders/" + id + "/personal-data?requestedOn=" + java.time.LocalDate.now()
                            + "&how=IN_PERSON",
                    token(a));
        });

        calls.put(
                "POST /api/incidents",
                (a, s) -> api.post(
                        "/api/incidents", token(a), Scenarios.incidentJson(pick(s, World::defender), "Matrix report")));
        calls.put("GET /api/incidents", (a, s) -> api.get("/api/incidents", token(a)));
        calls.put("GET /api/incidents/{id}", (a, s) -> api.get("/api/incidents/" + pick(s, World::incident), token(a)));
        calls.put(
                "GET /api/incidents/{id}/history",
                (a, s) -> api.get("/api/incidents/" + pick(s, World::incident) + "/history", token(a)));
        calls.put("POST /api/incidents/{id}/triage", (a, s) -> {
            String id = s == Situation.SAME_ORG
                    ? scenarios.anIncidentReportedBy("caseworker2.tigris", same.defender(), "Unclaimed report")
                    : pick(s, World::incident);
            return api.post("/api/incidents/" + id + "/triage", token(a), "{\"status\": \"TRIAGED\"}");
        });

        calls.put("POST /api/cases", (a, s) -> {
            String defender;
            String incident;
            if (s == Situation.OWN) {
                defender = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Case Opening Person");
                incident = scenarios.aTriagedIncident("caseworker.tigris", defender, "Claimed report");
            } else {
                defender = pick(s, World::defender);
                incident = pick(s, World::incident);
            }
            return api.post(
                    "/api/cases",
                    token(a),
                    "{\"defenderId\": \"%s\", \"incidentIds\": [\"%s\"]}".formatted(defender, incident));
        });
        calls.put("GET /api/cases/{id}", (a, s) -> api.get("/api/cases/" + pick(s, World::caseFile), token(a)));
        calls.put(
                "GET /api/cases/{id}/history",
                (a, s) -> api.get("/api/cases/" + pick(s, World::caseFile) + "/history", token(a)));
        calls.put(
                "POST /api/cases/{id}/assignees",
                (a, s) -> api.post(
                        "/api/cases/" + pick(s, World::caseFile) + "/assignees",
                        token(a),
                        "{\"subject\": \"" + helper.subject() + "\"}"));
        calls.put(
                "POST /api/cases/{id}/notes",
                (a, s) -> api.post(
                        "/api/cases/" + pick(s, World::caseFile) + "/notes", token(a), "{\"text\": \"Matrix note\"}"));
        calls.put("POST /api/cases/{id}/status", (a, s) -> {
            String id =
                    switch (s) {
                        case OWN -> aCaseOwnedBy(a);
                        case SAME_ORG ->
                            scenarios
                                    .anOpenCaseFile("caseworker2.tigris", "Status")
                                    .get("id")
                                    .asString();
                        default -> pick(s, World::caseFile);
                    };
            return api.post("/api/cases/" + id + "/status", token(a), "{\"status\": \"ACTIVE\"}");
        });
        calls.put(
                "POST /api/cases/{id}/referrals",
                (a, s) -> api.post(
                        "/api/cases/" + pick(s, World::caseFile) + "/referrals", token(a), referralJson("zagros-aid")));

        calls.put("GET /api/referrals/{id}", (a, s) -> api.get("/api/referrals/" + pick(s, World::referral), token(a)));
        calls.put(
                "GET /api/referrals/{id}/history",
                (a, s) -> api.get("/api/referrals/" + pick(s, World::referral) + "/history", token(a)));
        for (String move : List.of("accept", "decline")) {
            calls.put(
                    "POST /api/referrals/{id}/" + move,
                    (a, s) -> api.post("/api/referrals/" + pick(s, World::referral) + "/" + move, token(a), "{}"));
        }
        calls.put("POST /api/referrals/{id}/withdraw", (a, s) -> {
            String id =
                    switch (s) {
                        case OWN -> refer(aCaseOwnedBy(a), "caseworker.tigris", "zagros-aid");
                        case SAME_ORG ->
                            scenarios
                                    .aPendingReferral("caseworker2.tigris", "zagros-aid")
                                    .get("id")
                                    .asString();
                        default -> pick(s, World::referral);
                    };
            return api.post("/api/referrals/" + id + "/withdraw", token(a), "{}");
        });
        calls.put("POST /api/referrals/{id}/close", (a, s) -> {
            String id =
                    switch (s) {
                        case OWN -> accepted(refer(aCaseOwnedBy(a), "caseworker.tigris", "zagros-aid"));
                        case SAME_ORG ->
                            accepted(scenarios
                                    .aPendingReferral("caseworker2.tigris", "zagros-aid")
                                    .get("id")
                                    .asString());
                        default -> pick(s, World::referral);
                    };
            return api.post("/api/referrals/" + id + "/close", token(a), "{}");
        });

        calls.put("POST /api/break-glass", (a, s) -> {
            // A fresh same-organisation case file, so that the grant opens nothing another row relies on.
            String id = s == Situation.SAME_ORG
                    ? scenarios
                            .anOpenCaseFile("caseworker2.tigris", "Behind glass")
                            .get("id")
                            .asString()
                    : pick(s, World::caseFile);
            return api.post(
                    "/api/break-glass",
                    token(a),
                    "{\"record\": \"%s\", \"reason\": \"Matrix check of who may break glass here\", \"minutes\": 5}"
                            .formatted(id));
        });
        calls.put("GET /api/break-glass", (a, s) -> api.get("/api/break-glass", token(a)));
        // A supervisor's audit queries answer 200 with their own organisation's view of any record
        // (an empty page for records they have nothing to do with), so that they cannot probe.
        calls.put(
                "GET /api/audit/access",
                (a, s) -> api.get("/api/audit/access?record=" + pick(s, World::defender), token(a)));
        calls.put("GET /api/audit/revisions", (a, s) -> api.get("/api/audit/revisions", token(a)));
        calls.put("GET /api/audit/anomalies", (a, s) -> api.get("/api/audit/anomalies", token(a)));
        calls.put("POST /api/audit/verify", (a, s) -> api.post("/api/audit/verify", token(a), ""));
        calls.put("GET /api/audit/public-key", (a, s) -> api.get("/api/audit/public-key", token(a)));
        return calls;
    }

    @Test
    void everyEndpointOfTheApplicationHasARowAndEveryRowAnEndpoint() {
        List<Row> rows = rows();
        Map<String, PathPattern> endpoints = endpoints();
        List<String> problems = new ArrayList<>();

        for (var endpoint : endpoints.entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            boolean covered =
                    rows.stream().anyMatch(r -> r.method().equals(method) && matches(endpoint.getValue(), r.path()));
            if (!covered) {
                problems.add("no row for " + endpoint.getKey());
            }
        }
        for (Row row : rows) {
            long matching = endpoints.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(row.method() + " ") && matches(e.getValue(), row.path()))
                    .count();
            if (matching != 1) {
                problems.add("row " + row.key() + " matches " + matching + " endpoints, not one");
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (!keys.add(r.key())) {
                problems.add("row " + r.key() + " is in the table twice");
            }
        });
        assertThat(calls().keySet())
                .as("every row says how its endpoint is called")
                .isEqualTo(keys);
        assertThat(problems).as("the matrix and the application's endpoints").isEmpty();
        assertThat(endpoints).as("endpoints found in the handler mappings").hasSizeGreaterThan(20);
    }

    @Test
    void everyRoleGetsTheExpectedStatusInEverySituationOnEveryEndpoint() {
        Map<String, Call> calls = calls();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            Call call = calls.get(row.key());
            assertThat(call).as("how to call " + row.key()).isNotNull();
            for (Actor actor : Actor.values()) {
                int[] expected = row.expected().get(actor);
                for (Situation situation : row.namesRecord() ? Situation.values() : new Situation[] {Situation.OWN}) {
                    int want = expected[column(situation)];
                    var response = call.call(actor, situation);
                    cells++;
                    if (response.status() != want) {
                        mismatches.add("%s as %s on %s record: expected %d, got %d %s"
                                .formatted(row.key(), actor.role, situation, want, response.status(), response.body()));
                    }
                }
            }
            var anonymous = call.call(null, Situation.NONEXISTENT);
            cells++;
            if (anonymous.status() != row.anonymous()) {
                mismatches.add("%s without a token: expected %d, got %d"
                        .formatted(row.key(), row.anonymous(), anonymous.status()));
            }
        }
        assertThat(mismatches)
                .as("cells of the authorization matrix that do not hold")
                .isEmpty();
        assertThat(cells).as("cells checked").isGreaterThan(400);
    }

    // --- the table -------------------------------------------------------------------------

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : MATRIX.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+");
            if (cells.length != 2 + 4 * Actor.values().length + 1) {
                throw new IllegalStateException("a row of the matrix has the wrong number of columns: " + line);
            }
            boolean namesRecord = !cells[3].equals("-");
            Map<Actor, int[]> expected = new EnumMap<>(Actor.class);
            for (Actor actor : Actor.values()) {
                int[] statuses = new int[4];
                for (int i = 0; i < 4; i++) {
                    String cell = cells[2 + 4 * actor.ordinal() + i];
                    if (cell.equals("-") == (namesRecord || i == 0)) {
                        throw new IllegalStateException("a row of the matrix mixes statuses and '-': " + line);
                    }
                    statuses[i] = cell.equals("-") ? 0 : Integer.parseInt(cell);
                }
                expected.put(actor, statuses);
            }
            rows.add(new Row(cells[0], cells[1], expected, Integer.parseInt(cells[cells.length - 1]), namesRecord));
        }
        return rows;
    }

    /** The table's columns per role: own, same organisation, other organisation, nonexistent. */
    static int column(Situation situation) {
        return switch (situation) {
            case OWN -> 0;
            case SAME_ORG -> 1;
            case OTHER_ORG -> 2;
            case NONEXISTENT -> 3;
        };
    }

    /** Every (method, path pattern) of the application's MVC handler mappings, but the excluded ones. */
    Map<String, PathPattern> endpoints() {
        Map<String, PathPattern> endpoints = new LinkedHashMap<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (excluded(pattern)) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                assertThat(methods)
                        .as(pattern + " must be mapped to explicit HTTP methods")
                        .isNotEmpty();
                methods.forEach(
                        m -> endpoints.put(m.name() + " " + pattern, PathPatternParser.defaultInstance.parse(pattern)));
            }
        });
        return endpoints;
    }

    /** Whether a row's path, with a UUID for each variable, is one the pattern maps. */
    static boolean matches(PathPattern pattern, String rowPath) {
        String concrete = rowPath.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        return pattern.matches(PathContainer.parsePath(concrete));
    }

    // --- fixtures --------------------------------------------------------------------------

    String token(Actor actor) {
        return actor == null ? null : Keycloak.accessToken(actor.demoUser);
    }

    static String token(Map<Actor, TestUser> users, Actor actor) {
        return actor == null ? null : Keycloak.accessToken(users.get(actor).username());
    }

    /** One throwaway account per role, for rows whose success locks the caller's own account. */
    static Map<Actor, TestUser> throwawayActors() {
        Map<Actor, TestUser> users = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            users.put(actor, TestKeycloak.createUser(actor.role, actor.organisation));
        }
        return users;
    }

    /** The record of a world for a situation; a random id when the record must not exist. */
    String pick(Situation situation, java.util.function.Function<World, String> record) {
        return switch (situation) {
            case OWN -> record.apply(own);
            case SAME_ORG -> record.apply(same);
            case OTHER_ORG -> record.apply(other);
            case NONEXISTENT -> UUID.randomUUID().toString();
        };
    }

    /** The records behind a referral, read by the caseworker who made it. */
    World worldOf(JsonNode referral, String caseworker) {
        String caseFile = referral.get("caseFileId").asString();
        JsonNode file = api.get("/api/cases/" + caseFile, Keycloak.accessToken(caseworker))
                .json();
        return new World(
                file.get("defenderId").asString(),
                file.get("incidentIds").get(0).asString(),
                caseFile,
                referral.get("id").asString());
    }

    /** A new case file about defender.tigris that the actor works on (assigned, for a supervisor). */
    String aCaseOwnedBy(Actor actor) {
        String id = scenarios
                .aCaseFileAbout("defender.tigris", "caseworker.tigris", "Fresh own summary")
                .get("id")
                .asString();
        if (actor == Actor.SUPERVISOR) {
            assign(id, "caseworker.tigris", subjects.get(Actor.SUPERVISOR));
        }
        return id;
    }

    /** A new profile the actor works with (registered it); a defender's own profile for a defender. */
    String aDefenderOwnedBy(Actor actor) {
        return switch (actor) {
            case CASEWORKER, SUPERVISOR -> scenarios.aDefenderRegisteredBy(actor.demoUser, "Own Erasable Person");
            case DEFENDER -> own.defender();
            case ADMIN -> scenarios.aDefenderRegisteredBy("caseworker.tigris", "Admin Erasable Person");
        };
    }

    /** A new account of tigris-legal, locked down by another supervisor. */
    String aLockedAccount() {
        TestUser account = TestKeycloak.createUser("caseworker", "tigris-legal");
        expect(
                api.post(
                        "/api/users/" + account.subject() + "/lockdown", Keycloak.accessToken(locker.username()), "{}"),
                202);
        return account.subject();
    }

    void assign(String caseFile, String by, String subject) {
        expect(
                api.post(
                        "/api/cases/" + caseFile + "/assignees",
                        Keycloak.accessToken(by),
                        "{\"subject\": \"" + subject + "\"}"),
                200);
    }

    String refer(String caseFile, String caseworker, String toOrganisation) {
        var response = api.post(
                "/api/cases/" + caseFile + "/referrals",
                Keycloak.accessToken(caseworker),
                referralJson(toOrganisation));
        expect(response, 201);
        return response.json().get("id").asString();
    }

    String accepted(String referral) {
        expect(
                api.post("/api/referrals/" + referral + "/accept", Keycloak.accessToken("caseworker.zagros"), "{}"),
                200);
        return referral;
    }

    static String referralJson(String toOrganisation) {
        return """
                {"toOrganisation": "%s", "service": "LEGAL_ADVICE", "reason": "Matrix referral",
                 "sharedFields": ["legalName"], "expiresOn": "%s",
                 "consent": {"givenOn": "%s", "how": "IN_PERSON"}}
                """
                .formatted(
                        toOrganisation,
                        java.time.LocalDate.now().plusDays(30),
                        java.time.LocalDate.now().minusDays(1));
    }

    /** If-Match with the profile's current version (0 for a profile that does not exist). */
    static String etagOf(String defender) {
        List<Long> versions = Database.asSuperuser()
                .queryForList(
                        "select version from sanad.defenders where id = ?", Long.class, UUID.fromString(defender));
        return "\"" + (versions.isEmpty() ? 0 : versions.getFirst()) + "\"";
    }

    static void expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError(
                    "fixture: expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }
}
