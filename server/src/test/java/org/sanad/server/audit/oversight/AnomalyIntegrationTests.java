package org.sanad.server.audit.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.Scenarios;
import org.sanad.server.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Anomaly flags from access-log entries planted at chosen times (as the database superuser, the
 * only way to put entries in the past), about real records created through the API.
 */
@IntegrationTest
class AnomalyIntegrationTests extends ServerTest {

    /** Defenders created once for the class: enough to cross the configured threshold. */
    private static Fixture fixture;

    JsonNode thresholds;
    int threshold;
    Duration window;
    ZoneId zone;
    LocalDate day;

    /**
     * Plain defenders (threshold - 1 of them), the incident and case file of defender A, and a
     * referral about defender B: threshold + 1 defenders in all, through every record type; and
     * defender C, for entries that must not count.
     */
    record Fixture(
            List<String> plainDefenders,
            String incidentOfA,
            String caseFileOfA,
            String referralOfB,
            String defenderC) {}

    @BeforeEach
    void fixtures() {
        thresholds = api.get("/api/audit/anomalies", token("supervisor.tigris"))
                .json()
                .get("thresholds");
        threshold = thresholds.get("distinctDefenders").asInt();
        window = Duration.parse(thresholds.get("window").asString());
        zone = ZoneId.of(thresholds.get("zone").asString());
        day = LocalDate.now(zone).minusDays(2);
        synchronized (AnomalyIntegrationTests.class) {
            if (fixture == null) {
                fixture = createFixture();
            }
        }
    }

    @Test
    void actorShownMoreThanTheThresholdOfDistinctDefendersWithinTheWindowIsFlagged() {
        String actor = "anomaly-" + UUID.randomUUID();
        Instant start = at(10, 0);
        List<String> plain = fixture.plainDefenders();
        for (int i = 0; i < plain.size(); i++) {
            plant(actor, start.plusSeconds(60L * i), "READ", "defender", plain.get(i), "{legalName}");
        }
        plant(actor, start.plusSeconds(60L * plain.size()), "READ", "incident", fixture.incidentOfA(), "{narrative}");
        Instant crossing = start.plusSeconds(60L * (plain.size() + 1));
        plant(actor, crossing, "READ", "referral", fixture.referralOfB(), "{legalName}");
        // Defender A again through another record, a search, and a read of defender C that
        // disclosed no field: none of them adds a defender.
        plant(actor, crossing.plusSeconds(60), "SEARCH", "defender", null, "{phone}");
        plant(actor, crossing.plusSeconds(120), "READ", "defender", fixture.defenderC(), "{}");
        Instant last = crossing.plusSeconds(180);
        plant(actor, last, "READ", "case-file", fixture.caseFileOfA(), "{legalSummary}");

        List<JsonNode> flags = flagsOf(actor, "supervisor.tigris");

        assertThat(flags).hasSize(1);
        JsonNode flag = flags.getFirst();
        assertThat(flag.get("kind").asString()).isEqualTo("MANY_DEFENDERS");
        assertThat(flag.get("distinctDefenders").asInt()).isEqualTo(threshold + 1);
        assertThat(Instant.parse(flag.get("firstAt").asString())).isEqualTo(start);
        assertThat(Instant.parse(flag.get("lastAt").asString())).isEqualTo(last);
        assertThat(flagsOf(actor, "supervisor.zagros"))
                .as("another organisation's supervisor")
                .isEmpty();
    }

    @Test
    void exactlyTheThresholdOfDistinctDefendersIsNotFlagged() {
        String actor = "anomaly-" + UUID.randomUUID();
        Instant start = at(9, 0);
        List<String> plain = fixture.plainDefenders().subList(0, threshold - 2);
        for (int round = 0; round < 3; round++) {
            Instant roundStart = start.plusSeconds(600L * round);
            for (int i = 0; i < plain.size(); i++) {
                plant(actor, roundStart.plusSeconds(10L * i), "READ", "defender", plain.get(i), "{legalName}");
            }
            plant(actor, roundStart.plusSeconds(300), "READ", "case-file", fixture.caseFileOfA(), "{legalSummary}");
            plant(actor, roundStart.plusSeconds(310), "READ", "referral", fixture.referralOfB(), "{reason}");
        }

        assertThat(flagsOf(actor, "supervisor.tigris")).isEmpty();
    }

    @Test
    void distinctDefendersSpreadWiderThanTheWindowAreNotFlagged() {
        String actor = "anomaly-" + UUID.randomUUID();
        // threshold + 1 reads spaced so that no window holds more than the threshold.
        Duration spacing = window.dividedBy(threshold).plusMinutes(1);
        Instant start = at(8, 0);
        List<String> all = new ArrayList<>(fixture.plainDefenders());
        plant(actor, start, "READ", "incident", fixture.incidentOfA(), "{narrative}");
        plant(actor, start.plus(spacing), "READ", "referral", fixture.referralOfB(), "{legalName}");
        for (int i = 0; i < all.size(); i++) {
            plant(actor, start.plus(spacing.multipliedBy(i + 2)), "READ", "defender", all.get(i), "{phone}");
        }

        assertThat(flagsOf(actor, "supervisor.tigris")).isEmpty();
    }

    @Test
    void staffAccessOutsideWorkingHoursIsFlaggedOncePerActorAndDay() {
        String actor = "anomaly-" + UUID.randomUUID();
        LocalTime opens = LocalTime.parse(thresholds.get("workingHoursStart").asString());
        LocalTime closes = LocalTime.parse(thresholds.get("workingHoursEnd").asString());
        String defender = fixture.plainDefenders().getFirst();
        Instant early = day.atTime(opens).atZone(zone).toInstant().minusSeconds(3600);
        Instant closing = day.atTime(closes).atZone(zone).toInstant();
        Instant late = closing.plusSeconds(3600);
        plant(actor, early, "READ", "defender", defender, "{legalName}");
        plant(actor, day.atTime(opens).atZone(zone).toInstant(), "READ", "defender", defender, "{legalName}");
        plant(actor, closing.minusSeconds(1), "HISTORY", "defender", defender, "{}");
        plant(actor, closing, "READ", "defender", defender, "{legalName}");
        plant(actor, late, "SEARCH", "defender", null, "{phone}");

        List<JsonNode> flags = flagsOf(actor, "supervisor.tigris");

        assertThat(flags).hasSize(1);
        JsonNode flag = flags.getFirst();
        assertThat(flag.get("kind").asString()).isEqualTo("OUTSIDE_WORKING_HOURS");
        assertThat(flag.get("entries").asLong())
                .as("before opening, at closing and after")
                .isEqualTo(3);
        assertThat(Instant.parse(flag.get("firstAt").asString())).isEqualTo(early);
        assertThat(Instant.parse(flag.get("lastAt").asString())).isEqualTo(late);
        assertThat(flagsOf(actor, "supervisor.zagros")).isEmpty();
    }

    @Test
    void nightTimeLockdownsAndDefendersOwnReadsAreNotFlagged() {
        String locker = "anomaly-" + UUID.randomUUID();
        // The defender's own profile links their account (created here or by an earlier test).
        int created = api.post("/api/defenders", token("defender.tigris"), Scenarios.profileJson("Anomaly Self"))
                .status();
        assertThat(created).isIn(201, 409);
        String defender = api.get("/api/me", token("defender.tigris"))
                .json()
                .get("subject")
                .asString();
        String ownProfile = Database.asSuperuser()
                .queryForObject(
                        "select id::text from sanad.defenders where keycloak_subject = ?", String.class, defender);
        Instant night = at(2, 30);
        plant(locker, night, "LOCKDOWN", "account", null, "{}");
        plant(defender, night, "READ", "defender", ownProfile, "{legalName}");

        assertThat(flagsOf(locker, "supervisor.tigris")).isEmpty();
        assertThat(flagsOf(defender, "supervisor.tigris")).isEmpty();
    }

    @Test
    void readingAnomaliesIsRecordedAndLimitedToSupervisors() {
        var response = api.get(
                "/api/audit/anomalies?from=%s&to=%s".formatted(at(0, 0), at(23, 0)), token("supervisor.tigris"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Database.asSuperuser()
                        .queryForObject(
                                "select count(*) from sanad.access_log where request_id = ? and action = 'AUDIT'"
                                        + " and record_type = 'anomalies'",
                                Long.class,
                                response.header("X-Request-Id")))
                .isEqualTo(1);
        for (String user : List.of("caseworker.tigris", "defender.tigris", "admin.platform")) {
            assertThat(api.get("/api/audit/anomalies", token(user)).status())
                    .as(user)
                    .isEqualTo(403);
        }
    }

    @Test
    void badTimeRangesAreRefused() {
        Instant now = Instant.now();
        for (String query : List.of(
                "from=%s&to=%s".formatted(now, now),
                "from=%s&to=%s".formatted(now, now.minusSeconds(1)),
                "from=%s&to=%s".formatted(now.minus(Duration.ofDays(400)), now),
                "from=last-week-canary")) {
            var response = api.get("/api/audit/anomalies?" + query, token("supervisor.tigris"));
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("canary");
        }
    }

    /** The flags of one actor on the test day, as a supervisor sees them. */
    private List<JsonNode> flagsOf(String actor, String supervisor) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        var response = api.get("/api/audit/anomalies?from=%s&to=%s".formatted(from, to), token(supervisor));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> flags = new ArrayList<>();
        response.json().get("flags").forEach(flag -> {
            if (actor.equals(flag.get("actor").asString())) {
                flags.add(flag);
            }
        });
        return flags;
    }

    private Instant at(int hour, int minute) {
        return day.atTime(hour, minute).atZone(zone).toInstant();
    }

    private Fixture createFixture() {
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < threshold - 1; i++) {
            plain.add(scenarios.aDefenderRegisteredBy("caseworker.tigris", "Anomaly Person " + i));
        }
        JsonNode fileOfA = scenarios.anOpenCaseFile("caseworker.tigris", "Anomaly case A");
        String incidentOfA = fileOfA.get("incidentIds").get(0).asString();
        JsonNode fileOfB = scenarios.anOpenCaseFile("caseworker.tigris", "Anomaly case B");
        var referral = api.post(
                "/api/cases/" + fileOfB.get("id").asString() + "/referrals",
                token("caseworker.tigris"),
                """
                {"toOrganisation": "zagros-aid", "service": "MEDICAL", "reason": "Anomaly referral",
                 "sharedFields": ["legalName"], "expiresOn": "%s", "consent": {"givenOn": "%s", "how": "IN_PERSON"}}
                """
                        .formatted(LocalDate.now().plusDays(30), LocalDate.now()));
        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        return new Fixture(
                plain,
                incidentOfA,
                fileOfA.get("id").asString(),
                referral.json().get("id").asString(),
                scenarios.aDefenderRegisteredBy("caseworker.tigris", "Anomaly Person C"));
    }

    private static void plant(String actor, Instant at, String action, String type, String record, String fields) {
        Database.asSuperuser()
                .update(
                        "insert into sanad.access_log (at, actor, organisation, action, record_type, record_id, fields,"
                                + " purpose, request_id) values (?, ?, 'tigris-legal', ?, ?, ?::uuid, ?::text[],"
                                + " 'casework', ?)",
                        Timestamp.from(at),
                        actor,
                        action,
                        type,
                        record,
                        fields,
                        "planted-" + UUID.randomUUID());
    }

    private static String token(String username) {
        return Keycloak.accessToken(username);
    }
}
