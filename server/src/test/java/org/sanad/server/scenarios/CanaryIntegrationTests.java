package org.sanad.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.sanad.server.testing.Api;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.IntegrationTest;
import org.sanad.server.testing.Keycloak;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Plants a unique canary in every sealed field through the API, then looks for them where a thief
 * or a careless log would find them: a pg_dump of the whole database (history tables included)
 * and everything the application logged. None may appear, in plain text, Base64 or hex.
 */
@IntegrationTest
class CanaryIntegrationTests {

    @LocalServerPort
    int port;

    final List<String> canaries = new ArrayList<>();

    String canary(String field) {
        String value = "CNRY" + field.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "")
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        canaries.add(value);
        return value;
    }

    String phoneCanary() {
        String digits = "77" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        canaries.add(digits);
        return "+964" + digits;
    }

    @Test
    void noPlantedValueReachesTheDatabaseDumpOrTheLog() throws Exception {
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var log = new ListAppender<ILoggingEvent>();
        log.start();
        root.addAppender(log);
        try {
            plantEverywhere();
        } finally {
            root.detachAppender(log);
        }

        String dump = Database.dump();
        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent event : log.list) {
            logged.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                logged.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append('\n');
            }
        }

        assertThat(canaries).hasSizeGreaterThanOrEqualTo(15);
        assertThat(dump).contains("defenders_aud").contains("access_log");
        for (String canary : canaries) {
            for (String form : Database.encodings(canary)) {
                assertThat(dump).as("database dump").doesNotContain(form);
                assertThat(logged.toString()).as("application log").doesNotContain(form);
            }
        }
    }

    private void plantEverywhere() {
        var api = new Api(port);
        String caseworker = Keycloak.accessToken("caseworker.tigris");
        var defender = api.post(
                "/api/defenders",
                caseworker,
                """
                {"legalName": "%s", "otherNames": ["%s"], "phone": "%s", "email": "%s@example.invalid",
                 "governorate": "ERBIL", "address": "%s", "activity": "WHRD", "gender": "%s", "riskLevel": "CRITICAL",
                 "protectionNeeds": "%s", "emergencyContact": "%s"}
                """
                        .formatted(
                                canary("legalName"),
                                canary("otherNames"),
                                phoneCanary(),
                                canary("email").toLowerCase(Locale.ROOT),
                                canary("address"),
                                canary("gender"),
                                canary("protectionNeeds"),
                                canary("emergencyContact")));
        assertThat(defender.status()).as(defender.body()).isEqualTo(201);
        String defenderId = defender.json().get("id").asString();
        var patched = api.patch(
                "/api/defenders/" + defenderId,
                caseworker,
                "\"0\"",
                "{\"address\": \"%s\", \"legalName\": \"%s\"}".formatted(canary("newAddress"), canary("newLegalName")));
        assertThat(patched.status()).isEqualTo(200);
        api.get("/api/defenders?name=" + canary("searchedName"), caseworker);

        var incident = api.post(
                "/api/incidents",
                caseworker,
                """
                {"defenderId": "%s", "occurredOn": "%s", "governorate": "ERBIL", "type": "ABDUCTION",
                 "perpetratorCategory": "%s", "narrative": "%s", "location": "%s"}
                """
                        .formatted(
                                defenderId,
                                LocalDate.now().minusDays(1),
                                canary("perpetrator"),
                                canary("narrative"),
                                canary("location")));
        assertThat(incident.status()).isEqualTo(201);
        String incidentId = incident.json().get("id").asString();
        api.post("/api/incidents/" + incidentId + "/triage", caseworker, "{\"status\": \"TRIAGED\"}");

        var file = api.post(
                "/api/cases",
                caseworker,
                "{\"defenderId\": \"%s\", \"incidentIds\": [\"%s\"], \"legalSummary\": \"%s\"}"
                        .formatted(defenderId, incidentId, canary("legalSummary")));
        assertThat(file.status()).isEqualTo(201);
        String caseId = file.json().get("id").asString();
        assertThat(api.post(
                                "/api/cases/" + caseId + "/notes",
                                caseworker,
                                "{\"text\": \"%s\"}".formatted(canary("note")))
                        .status())
                .isEqualTo(201);
        var referral = api.post(
                "/api/cases/" + caseId + "/referrals",
                caseworker,
                """
                {"toOrganisation": "zagros-aid", "service": "RELOCATION", "reason": "%s",
                 "sharedFields": ["legalName", "incident.narrative"], "expiresOn": "%s",
                 "consent": {"givenOn": "%s", "how": "PHONE"}}
                """
                        .formatted(canary("reason"), LocalDate.now().plusDays(10), LocalDate.now()));
        assertThat(referral.status()).isEqualTo(201);
        assertThat(api.get(
                                "/api/referrals/" + referral.json().get("id").asString(),
                                Keycloak.accessToken("caseworker.zagros"))
                        .status())
                .isEqualTo(200);
        // A rejected request that carries a canary must not put it in a log either.
        api.post(
                "/api/defenders",
                caseworker,
                "{\"legalName\": \"%s\", \"riskLevel\": \"NOPE\"}".formatted(canary("rejected")));
    }

    /** The canary as it would appear in plain text, Base64 (any alignment) and hex. */
}
