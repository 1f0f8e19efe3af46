package org.sanad.server.audit.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With a Sunday-to-Thursday week configured (a second application context, for this class only),
 * staff access on a Friday is flagged even in working hours, and on a Thursday it is not.
 */
@IntegrationTest
@TestPropertySource(properties = "sanad.audit.anomalies.working-days=SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY")
class WorkingDaysAnomalyIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void staffAccessOnADayOffIsFlaggedEvenInWorkingHours() {
        var api = new Api(port);
        String token = Keycloak.accessToken("supervisor.tigris");
        JsonNode thresholds = api.get("/api/audit/anomalies", token).json().get("thresholds");
        assertThat(thresholds.get("workingDays"))
                .extracting(JsonNode::asString)
                .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "SUNDAY");
        ZoneId zone = ZoneId.of(thresholds.get("zone").asString());
        LocalDate friday = LocalDate.now(zone).minusDays(1).with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        LocalDate thursday = friday.minusDays(1);
        String onFriday = "anomaly-" + UUID.randomUUID();
        String onThursday = "anomaly-" + UUID.randomUUID();
        plant(onFriday, friday.atTime(10, 0).atZone(zone).toInstant());
        plant(onThursday, thursday.atTime(10, 0).atZone(zone).toInstant());

        var response = api.get(
                "/api/audit/anomalies?from=%s&to=%s"
                        .formatted(
                                thursday.atStartOfDay(zone).toInstant(),
                                friday.plusDays(1).atStartOfDay(zone).toInstant()),
                token);

        assertThat(response.status()).isEqualTo(200);
        List<String> flagged = new ArrayList<>();
        response.json().get("flags").forEach(flag -> {
            if ("OUTSIDE_WORKING_HOURS".equals(flag.get("kind").asString())) {
                flagged.add(flag.get("actor").asString());
            }
        });
        assertThat(flagged).contains(onFriday).doesNotContain(onThursday);
    }

    private static void plant(String actor, Instant at) {
        Database.asSuperuser()
                .update(
                        "insert into sanad.access_log (at, actor, organisation, action, record_type, record_id, fields,"
                                + " purpose, request_id) values (?, ?, 'tigris-legal', 'SEARCH', 'defender', null,"
                                + " '{phone}', 'search', ?)",
                        Timestamp.from(at),
                        actor,
                        "planted-" + UUID.randomUUID());
    }
}
