package org.sanad.server.access.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.infra.testing.TestKeycloak.TestUser;
import org.sanad.server.testing.Browser;
import org.sanad.server.testing.Database;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;

/**
 * The defender's journey in a real browser, through Keycloak's real login page, in Arabic on a
 * 360 px phone and in English on a laptop: create a profile, report an incident, follow it, see
 * that a caseworker opened the file, and lock the account. Every page is checked for axe
 * violations, console and CSP errors and its weight, and photographed under target/browser.
 */
class DefenderBrowserTests extends ServerTest {

    private static final long PAGE_BUDGET = 60 * 1024;

    private final List<String> visited = new ArrayList<>();

    @BeforeEach
    void registerTheServer() {
        WebClientRegistration.pointAt(port);
    }

    @ParameterizedTest
    @CsvSource({"ar, 360", "en, 1024"})
    void aDefenderReportsFollowsSeesWhoReadAndLocksTheirAccount(String language, int width) throws Exception {
        TestUser defender = TestKeycloak.createUser("defender", "tigris-legal");
        String canary = "Canary-" + UUID.randomUUID().toString().substring(0, 8);
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var log = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        log.start();
        root.addAppender(log);
        try (Browser browser = Browser.start(language, width)) {
            browser.open(base() + "/");
            page(browser, "welcome");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo(language);
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo(language.equals("ar") ? "rtl" : "ltr");

            browser.driver().findElement(By.id("sign-in")).click();
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                    .startsWith(language);
            browser.signInThroughKeycloak(defender.username(), Keycloak.DEMO_PASSWORD);

            // No profile yet: the start page leads to creating one.
            browser.arrivesAt(".*/me$");
            page(browser, "home-without-profile");
            browser.driver().findElement(By.id("create-profile")).click();
            page(browser, "profile-new");

            // A form sent without the required fields is answered next to them, and saves nothing.
            browser.driver().findElement(By.id("save")).click();
            assertThat(shown(browser, By.id("legalName-error"))).isTrue();
            page(browser, "profile-new-errors");

            type(browser, "legalName", canary + " Name");
            type(browser, "phone", "+964 770 123 4567");
            type(browser, "email", canary.toLowerCase() + "@example.org");
            select(browser, "governorate", "NINEWA");
            select(browser, "activity", "JOURNALIST");
            select(browser, "riskLevel", "HIGH");
            type(browser, "protectionNeeds", canary + " needs");
            browser.driver().findElement(By.id("save")).click();
            browser.arrivesAt(".*/me/profile$");
            assertThat(browser.driver().getPageSource()).contains(canary + " Name");
            page(browser, "profile");

            browser.open(base() + "/me/reports/new");
            page(browser, "report-new");
            setDate(browser, "occurredOn", LocalDate.now().minusDays(2));
            select(browser, "governorate", "NINEWA");
            select(browser, "type", "THREAT");
            type(browser, "narrative", canary + " what happened");
            browser.driver().findElement(By.id("send-report")).click();
            String reportUrl = browser.arrivesAt(".*/me/reports/[0-9a-f-]{36}$");
            page(browser, "report");
            UUID reportId = UUID.fromString(reportUrl.substring(reportUrl.lastIndexOf('/') + 1));

            browser.open(base() + "/me/reports");
            assertThat(browser.driver().findElements(By.cssSelector("#reports tbody tr")))
                    .hasSize(1);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#reports .status"))
                            .getText())
                    .isNotBlank();
            page(browser, "reports");

            browser.open(base() + "/me/seen");
            assertThat(browser.driver().findElements(By.cssSelector("#seen tbody tr")))
                    .isEmpty();

            // A caseworker claims the report through the API and so reads the profile.
            String caseworker = Keycloak.accessToken("caseworker.tigris");
            assertThat(api.post("/api/incidents/" + reportId + "/triage", caseworker, "{\"status\":\"TRIAGED\"}")
                            .status())
                    .isEqualTo(200);
            String defenderId = api.get("/api/incidents/" + reportId, caseworker)
                    .json()
                    .get("defenderId")
                    .asString();
            assertThat(api.get("/api/defenders/" + defenderId, caseworker).status())
                    .isEqualTo(200);

            browser.open(base() + "/me/seen");
            var rows = browser.driver().findElements(By.cssSelector("#seen tbody tr"));
            assertThat(rows).isNotEmpty();
            assertThat(rows.getFirst().getText()).contains("tigris-legal").containsPattern("STF-[0-9A-Z]{6}");
            page(browser, "seen");

            // The caseworker opens a case file from the report and refers the defender, with consent.
            var file = api.post(
                    "/api/cases",
                    caseworker,
                    "{\"defenderId\":\"" + defenderId + "\",\"incidentIds\":[\"" + reportId + "\"],\"legalSummary\":\""
                            + canary + " summary\"}");
            assertThat(file.status()).isEqualTo(201);
            String fileId = file.json().get("id").asString();
            var referral = api.post(
                    "/api/cases/" + fileId + "/referrals",
                    caseworker,
                    "{\"toOrganisation\":\"zagros-aid\",\"service\":\"LEGAL_REPRESENTATION\",\"reason\":\"help\","
                            + "\"sharedFields\":[\"legalName\"],\"expiresOn\":\""
                            + LocalDate.now().plusDays(30)
                            + "\",\"consent\":{\"givenOn\":\"" + LocalDate.now() + "\",\"how\":\"IN_PERSON\"}}");
            assertThat(referral.status()).isEqualTo(201);

            browser.open(base() + "/me/cases");
            assertThat(browser.driver().findElements(By.cssSelector("#cases tbody tr")))
                    .hasSize(1);
            assertThat(browser.driver().getPageSource()).doesNotContain(canary + " summary");
            page(browser, "cases");
            browser.open(base() + "/me/referrals");
            assertThat(browser.driver().findElements(By.cssSelector("#referrals tbody tr")))
                    .hasSize(1);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#referrals"))
                            .getText())
                    .contains("zagros-aid");
            page(browser, "referrals");

            for (String path : List.of("/me", "/me/profile/edit")) {
                browser.open(base() + path);
                page(browser, path.substring(1).replace('/', '-'));
            }

            browser.open(base() + "/account/lockdown");
            page(browser, "lockdown");
            browser.driver().findElement(By.id("confirm-lockdown")).click();
            browser.arrivesAt(".*/signed-out\\?reason=locked$");
            page(browser, "locked");

            browser.open(base() + "/me");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(driver -> !driver.getCurrentUrl().endsWith("/me"));
            assertThat(browser.driver().findElements(By.id("sign-in"))).isNotEmpty();
            assertThat(Keycloak.passwordGrantStatus(Keycloak.DEMO_CLIENT, defender.username()))
                    .isNotEqualTo(200);
        }
        root.detachAppender(log);
        assertThat(visited).allSatisfy(url -> assertThat(url.toLowerCase()).doesNotContain(canary.toLowerCase()));

        // What the pages took in (forms sent back with errors included) is sealed everywhere it is
        // kept: not in any table (sessions, history and audit included) nor in the log.
        String dump = Database.dump();
        String logged = log.list.stream()
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .collect(java.util.stream.Collectors.joining("\n"));
        for (String planted : List.of(canary, canary.toLowerCase())) {
            for (String form : Database.encodings(planted)) {
                assertThat(dump).as("database dump").doesNotContain(form);
                assertThat(logged).as("application log").doesNotContain(form);
            }
        }
    }

    private void page(Browser browser, String name) {
        visited.add(browser.driver().getCurrentUrl());
        Browser.PageCheck check = browser.check(name);
        check.assertClean();
        check.assertWeighsUnder(PAGE_BUDGET);
        assertSecurityHeaders(browser, name);
    }

    /** The headers of the page just shown, as the browser receives them on a fresh load of it. */
    @SuppressWarnings("unchecked")
    private static void assertSecurityHeaders(Browser browser, String name) {
        var headers = (java.util.Map<String, String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(location.href, {credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(r => { const h = {}; r.headers.forEach((v, k) => h[k] = v); done(h); })");
        assertThat(headers.get("content-security-policy"))
                .as(name)
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.get("cache-control")).as(name).contains("no-store");
        assertThat(headers.get("referrer-policy")).as(name).isEqualTo("no-referrer");
        assertThat(headers.get("x-content-type-options")).as(name).isEqualTo("nosniff");
        assertThat(headers.get("x-frame-options")).as(name).isEqualTo("DENY");
        assertThat(headers.get("permissions-policy")).as(name).contains("camera=()", "microphone=()", "geolocation=()");
    }

    private static boolean shown(Browser browser, By element) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> driver.findElements(element).stream().anyMatch(e -> e.isDisplayed()));
    }

    private static void type(Browser browser, String id, String text) {
        var field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A date field's value as the date picker would set it, whatever the locale's typing format. */
    private static void setDate(Browser browser, String id, LocalDate date) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1]", browser.driver().findElement(By.id(id)), date.toString());
    }

    private static void select(Browser browser, String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
