package org.sanad.server.access.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanad.infra.testing.TestKeycloak;
import org.sanad.infra.testing.TestKeycloak.TestUser;
import org.sanad.server.testing.Browser;
import org.sanad.server.testing.Keycloak;
import org.sanad.server.testing.ServerTest;

/**
 * The pages without JavaScript (old phones, Tor Browser's "Safest" mode), the quick exit with and
 * without it, and a change made elsewhere while the profile form was open.
 */
class NoScriptBrowserTests extends ServerTest {

    private TestUser defender;

    @BeforeEach
    void aDefender() {
        WebClientRegistration.pointAt(port);
        defender = TestKeycloak.createUser("defender", "tigris-legal");
    }

    private void signIn(Browser browser) {
        browser.open(base() + "/");
        browser.driver().findElement(By.id("sign-in")).click();
        browser.signInThroughKeycloak(defender.username(), Keycloak.DEMO_PASSWORD);
    }

    @Test
    void aDefenderCreatesAProfileAndReportsWithJavaScriptSwitchedOff() {
        try (Browser browser = Browser.withoutJavaScript("ar", 360)) {
            signIn(browser);
            browser.arrivesAt(".*/me$");
            browser.driver().findElement(By.id("create-profile")).click();
            browser.driver().findElement(By.id("legalName")).sendKeys("No Script");
            new Select(browser.driver().findElement(By.id("governorate"))).selectByValue("DUHOK");
            new Select(browser.driver().findElement(By.id("activity"))).selectByValue("ACTIVIST");
            new Select(browser.driver().findElement(By.id("riskLevel"))).selectByValue("MEDIUM");
            browser.driver().findElement(By.id("save")).click();
            browser.arrivesAt(".*/me/profile$");
            assertThat(browser.driver().getPageSource()).contains("No Script");

            browser.open(base() + "/me/reports/new");
            // Typed as a phone would, digits of either set: here the ISO date the field submits.
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            browser.driver().findElement(By.id("occurredOn")),
                            java.time.LocalDate.now().minusDays(1).toString());
            new Select(browser.driver().findElement(By.id("governorate"))).selectByValue("DUHOK");
            new Select(browser.driver().findElement(By.id("type"))).selectByValue("SURVEILLANCE");
            browser.driver().findElement(By.id("narrative")).sendKeys("Followed home");
            browser.driver().findElement(By.id("send-report")).click();
            browser.arrivesAt(".*/me/reports/[0-9a-f-]{36}$");

            // Quick exit is a plain link: it ends the session and leaves.
            browser.driver().findElement(By.id("quick-exit")).click();
            assertThat(browser.driver().getCurrentUrl()).doesNotStartWith(base());
            browser.open(base() + "/me/profile");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("/me/profile");
            assertThat(browser.driver().getPageSource()).doesNotContain("No Script");
        }
    }

    @Test
    void escapePressedThreeTimesLeavesAndEndsTheSession() {
        try (Browser browser = Browser.start("en", 1024)) {
            signIn(browser);
            browser.open(base() + "/me");
            var body = browser.driver().findElement(By.tagName("body"));
            body.sendKeys(Keys.ESCAPE);
            body.sendKeys(Keys.ESCAPE);
            body.sendKeys(Keys.ESCAPE);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(driver -> !driver.getCurrentUrl().startsWith(base()));
            browser.open(base() + "/me");
            assertThat(browser.driver().getCurrentUrl()).doesNotEndWith("/me");
        }
    }

    @Test
    void aProfileChangedElsewhereWhileTheFormWasOpenIsNotOverwritten() {
        String token = Keycloak.passwordGrant(Keycloak.DEMO_CLIENT, defender.username(), "openid")
                .get("access_token")
                .asString();
        var created = api.post(
                "/api/defenders",
                token,
                "{\"legalName\":\"First Name\",\"governorate\":\"BASRA\",\"activity\":\"LAWYER\",\"riskLevel\":\"LOW\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        try (Browser browser = Browser.start("en", 1024)) {
            signIn(browser);
            browser.open(base() + "/me/profile/edit");
            assertThat(api.patch(
                                    "/api/defenders/" + id,
                                    token,
                                    created.header("ETag"),
                                    "{\"legalName\":\"Changed Elsewhere\"}")
                            .status())
                    .isEqualTo(200);
            var name = browser.driver().findElement(By.id("legalName"));
            name.clear();
            name.sendKeys("Typed In The Form");
            browser.driver().findElement(By.id("save")).click();
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".notice.warning"))
                            .getText())
                    .contains("changed somewhere else");
            assertThat(browser.driver().findElement(By.id("legalName")).getAttribute("value"))
                    .isEqualTo("Changed Elsewhere");
            browser.check("profile-conflict").assertClean();
        }
        assertThat(api.get("/api/defenders/" + id, token)
                        .json()
                        .get("legalName")
                        .asString())
                .isEqualTo("Changed Elsewhere");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
