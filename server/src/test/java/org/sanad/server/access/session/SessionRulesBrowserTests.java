package org.sanad.server.access.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.infra.testing.TestKeycloak.TestUser;
import org.sanad.server.SanadApplication;
import org.sanad.server.testing.Browser;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The session rules of the pages, each in a real browser signed in through Keycloak's login page:
 * cookie flags, CSRF, caching, the end of a session at a lockdown, at a back-channel logout and
 * never at a restart, and what a defender's session may not open.
 */
class SessionRulesBrowserTests extends ServerTest {

    private static final String SESSION_COOKIE = "__Host-sanad-session";

    private Browser browser;
    private TestUser defender;
    private Cookie sessionBeforeSignIn;

    @BeforeEach
    void signIn() {
        WebClientRegistration.pointAt(port);
        defender = TestKeycloak.createUser("defender", "tigris-legal");
        String token = Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, defender.username(), "openid")
                .get("access_token")
                .asString();
        assertThat(api.post(
                                "/api/defenders",
                                token,
                                "{\"legalName\":\"Session Rules\",\"governorate\":\"BASRA\",\"activity\":\"LAWYER\",\"riskLevel\":\"LOW\"}")
                        .status())
                .isEqualTo(201);
        browser = Browser.start("en", 1024);
        browser.open(base() + "/");
        browser.driver().findElement(By.id("sign-in")).click();
        // The login in progress has a session already (it holds the PKCE verifier and the state).
        sessionBeforeSignIn = browser.driver().manage().getCookieNamed(SESSION_COOKIE);
        browser.signInThroughKeycloak(defender.username(), Keycloak.DEMO_PASSWORD);
        browser.arrivesAt(".*/me$");
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theSessionCookieIsHostOnlySecureHttpOnlyAndLax() {
        Cookie cookie = browser.driver().manage().getCookieNamed("__Host-sanad-session");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).doesNotStartWith(".");
    }

    /** Whoever reads the session table finds a digest, not a cookie they could present. */
    @Test
    void theDatabaseHoldsOnlyTheDigestOfTheSessionCookie() {
        String cookie = browser.driver().manage().getCookieNamed(SESSION_COOKIE).getValue();
        String secret =
                new String(java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.US_ASCII);
        var stored = org.sanad.server.testing.Database.asSuperuser()
                .queryForList(
                        "select session_id from sanad.spring_session where principal_name = ?",
                        String.class,
                        defender.subject());
        assertThat(stored).contains(HashedSessionIds.stored(secret)).doesNotContain(secret, cookie);
        assertThat(org.sanad.server.testing.Database.asSuperuser()
                        .queryForObject(
                                "select count(*) from sanad.spring_session where session_id in (?, ?)",
                                Long.class,
                                secret,
                                cookie))
                .isZero();
    }

    @Test
    void signingInGivesANewSessionId() {
        assertThat(sessionBeforeSignIn).isNotNull();
        assertThat(browser.driver().manage().getCookieNamed(SESSION_COOKIE).getValue())
                .isNotEqualTo(sessionBeforeSignIn.getValue());
    }

    /** Signing out ends the Keycloak session too, and the back button then shows nothing of the pages. */
    @Test
    void signingOutEndsTheKeycloakSessionAsWell() {
        assertThat(webSessions()).isNotZero();
        browser.driver()
                .findElement(By.cssSelector("form[action='/logout'] button"))
                .click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().equals(base() + "/"));
        assertThat(browser.driver().findElements(By.id("sign-in"))).isNotEmpty();
        assertThat(webSessions()).isZero();
        browser.driver().navigate().back();
        assertThat(browser.driver().getPageSource()).doesNotContain("Session Rules");
        browser.open(base() + "/me/profile");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/me/profile");
    }

    @Test
    void aSessionEndsAfterFifteenIdleMinutes() {
        Integer idle = org.sanad.server.testing.Database.asSuperuser()
                .queryForObject(
                        "select max(max_inactive_interval) from sanad.spring_session where principal_name = ?",
                        Integer.class,
                        defender.subject());
        assertThat(idle).isEqualTo(15 * 60);
    }

    @Test
    void pagesWithPersonalDataAreNeverCached() {
        for (String path : new String[] {"/me", "/me/profile", "/me/reports", "/me/seen"}) {
            assertThat(header(path, "cache-control")).as(path).contains("no-store");
        }
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIs403AndChangesNothing() {
        Object status = script(
                "return fetch('/account/lockdown', {method: 'POST', credentials: 'same-origin', redirect: 'manual',"
                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'x=1'})"
                        + ".then(r => r.status)");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(Keycloak.passwordGrantStatus(Keycloak.DEMO_CLIENT, defender.username()))
                .isEqualTo(200);
        browser.open(base() + "/me");
        browser.arrivesAt(".*/me$");
    }

    @Test
    void aLockdownThroughTheApiEndsTheBrowserSessionOnItsNextRequest() {
        String token = Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, defender.username(), "openid")
                .get("access_token")
                .asString();
        assertThat(api.post("/api/me/lockdown", token, "").status()).isEqualTo(202);
        // Whichever comes first ends it: Keycloak's back-channel logout (the lockdown ends the
        // account's Keycloak sessions) or the lockdown check of the next request.
        browser.open(base() + "/me/profile");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/me/profile");
        assertThat(browser.driver().getPageSource()).doesNotContain("Session Rules");
        assertThat(browser.driver().findElements(By.id("sign-in"))).isNotEmpty();
    }

    @Test
    void aBackChannelLogoutFromKeycloakEndsTheSession() {
        TestKeycloak.sanad().users().get(defender.subject()).logout();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> {
            driver.get(base() + "/me");
            return !driver.getCurrentUrl().endsWith("/me");
        });
        assertThat(browser.driver().findElements(By.id("sign-in"))).isNotEmpty();
    }

    /** Sessions live in PostgreSQL: another server process (a restart, another replica) serves the same session. */
    @Test
    void theSessionSurvivesARestartOfTheServer() {
        try (ConfigurableApplicationContext other =
                new SpringApplicationBuilder(SanadApplication.class).run("--server.port=0")) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            browser.open("http://localhost:" + otherPort + "/me/profile");
            browser.arrivesAt(".*/me/profile$");
            assertThat(browser.driver().getPageSource()).contains("Session Rules");
        }
    }

    @Test
    void aDefendersSessionGets403OnStaffPagesAnd404OnAnotherDefendersRecords() {
        browser.open(base() + "/staff/reports");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("This is not open to you");
        assertThat(((Number) script("return fetch('/staff/reports').then(r => r.status)")).intValue())
                .isEqualTo(403);

        String defenderId = scenarios.aDefenderRegisteredBy("caseworker.tigris", "Another Defender");
        String canary = "Canary-" + java.util.UUID.randomUUID();
        String report = scenarios.anIncidentReportedBy("caseworker.tigris", defenderId, canary);
        browser.open(base() + "/me/reports/" + report);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Nothing here");
        assertThat(browser.driver().getPageSource()).doesNotContain(canary);
        assertThat(((Number) script("return fetch('/me/reports/" + report + "').then(r => r.status)")).intValue())
                .isEqualTo(404);
    }

    /** The user's Keycloak sessions of the browser client (the API token of the set-up has its own). */
    private long webSessions() {
        return TestKeycloak.sanad().users().get(defender.subject()).getUserSessions().stream()
                .filter(session -> session.getClients().containsValue(org.sanad.infra.keycloak.SanadRealm.WEB_CLIENT))
                .count();
    }

    private String header(String path, String name) {
        return (String) script(
                "return fetch('" + path + "', {credentials: 'same-origin'}).then(r => r.headers.get('" + name + "'))");
    }

    private Object script(String source) {
        return ((JavascriptExecutor) browser.driver()).executeScript(source);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
