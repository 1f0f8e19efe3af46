package org.sanad.server.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the web UI tests ({@code *BrowserTests}), so that they see the pages as a user's browser
 * does: the real CSP, cookies, redirects through Keycloak and the language the browser asks for.
 *
 * <p>It drives Debian's {@code chromium} through Debian's {@code chromedriver} (paths from {@code SANAD_CHROMIUM} and
 * {@code SANAD_CHROMEDRIVER}, which {@code infra/bin/sanad-test} sets), never through Selenium Manager: nothing may be
 * downloaded while testing. Each browser has its own throwaway profile, so no cookie or cache leaks between tests.
 * CDP is not used: Selenium's bindings lag Chromium's versions.
 *
 * <p>{@link #check} is the one verdict on a shown page: accessible (axe-core, serious and critical violations),
 * silent (no console errors, no CSP violations) and light (bytes over the wire, fonts aside). Its screenshot and the
 * page weights land in {@code target/browser} for a human to look at.
 *
 * <p>The viewport, not the window, is {@code width} by 900 pixels: headless Chromium's window has a frame, and it
 * clamps {@code --window-size} to 500 pixels wide, so the window is sized through WebDriver once started.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int HEIGHT = 900;
    private static final int MAX_SCREENSHOT_HEIGHT = 6000;
    private static final Path OUTPUT = Path.of("target", "browser");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    // Selenium warns at every start that it has no CDP bindings for this Chromium; nothing here uses them. The fields
    // hold the loggers, whose levels java.util.logging would otherwise forget.
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CHROMIUM_DRIVER = Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        CHROMIUM_DRIVER.setLevel(Level.SEVERE);
    }

    // Over the wire: the document and every resource, except fonts (cached once, shared by every page).
    private static final String TRANSFER_BYTES_SCRIPT =
            """
            const font = /\\.(ttf|woff2?|otf)$/i;
            let bytes = 0;
            for (const entry of performance.getEntriesByType('navigation')) bytes += entry.transferSize;
            for (const entry of performance.getEntriesByType('resource')) {
              if (!font.test(new URL(entry.name).pathname)) bytes += entry.transferSize;
            }
            return bytes;
            """;

    private final ChromeDriver driver;
    private final Path profile;
    private final String language;
    private final int width;
    private final int frameHeight;

    private Browser(ChromeDriver driver, Path profile, String language, int width, int frameHeight) {
        this.driver = driver;
        this.profile = profile;
        this.language = language;
        this.width = width;
        this.frameHeight = frameHeight;
    }

    /**
     * A fresh browser that asks for pages in {@code language} (e.g. {@code "ar"}, its UI language and Accept-Language),
     * with a viewport {@code width} pixels wide (e.g. 390 for a phone, 1280 for a desktop).
     */
    public static Browser start(String language, int width) {
        return start(language, width, true);
    }

    /**
     * A fresh browser with JavaScript switched off for every page (as in Tor Browser's "Safest"
     * mode); WebDriver's own scripts still run.
     */
    public static Browser withoutJavaScript(String language, int width) {
        return start(language, width, false);
    }

    private static Browser start(String language, int width, boolean javaScript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("sanad-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(env("SANAD_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        language,
                        "profile.managed_default_content_settings.javascript",
                        javaScript ? 1 : 2));
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("SANAD_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, HEIGHT));
            long viewport = ((Number) driver.executeScript("return window.innerHeight")).longValue();
            var browser = new Browser(driver, profile, language, width, HEIGHT - (int) viewport);
            browser.resizeViewport(HEIGHT);
            return browser;
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.quit();
            }
            delete(profile);
            throw e;
        }
    }

    /** The driver itself, for what a test does on a page: clicks, forms, reading elements. */
    public WebDriver driver() {
        return driver;
    }

    /** Navigates to {@code url} and waits until it has loaded. */
    public void open(String url) {
        driver.get(url);
    }

    /**
     * Checks the page now shown, saved as {@code pageName}: its screenshot, its axe-core violations, the console
     * errors since the previous check and its weight over the wire. The console is read before axe runs, so that
     * nothing axe does could be held against the page (it logs nothing under the strict CSP, but the page's own
     * late errors are then still counted, at the next check).
     */
    public PageCheck check(String pageName) {
        if (!pageName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("page names are file names: " + pageName);
        }
        new WebDriverWait(driver, WAIT)
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        List<String> consoleErrors = consoleErrors();
        Path dir = OUTPUT.resolve(language + "-" + width);
        screenshot(dir.resolve(pageName + ".png"));
        long bytes = ((Number) driver.executeScript(TRANSFER_BYTES_SCRIPT)).longValue();
        appendLine(OUTPUT.resolve("page-weights.tsv"), language + "-" + width + "\t" + pageName + "\t" + bytes);
        return new PageCheck(pageName, accessibilityViolations(), consoleErrors, bytes);
    }

    /**
     * Signs in on Keycloak's login page (the one shown now, or being redirected to), and waits until Keycloak has sent
     * the browser back.
     */
    /**
     * Waits for the page a form, link or redirect leads to, and answers its address; on another
     * page, fails naming the fields that page marks as wrong (never their values).
     */
    public String arrivesAt(String urlPattern) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().matches(urlPattern));
        } catch (org.openqa.selenium.TimeoutException e) {
            var marked = driver.findElements(By.cssSelector("[aria-invalid='true']")).stream()
                    .map(field -> field.getAttribute("id"))
                    .toList();
            throw new AssertionError("still at " + driver.getCurrentUrl() + ", fields marked " + marked);
        }
        return driver.getCurrentUrl();
    }

    public void signInThroughKeycloak(String username, String password) {
        String keycloak = env("SANAD_KEYCLOAK_URL", "http://localhost:18081");
        var wait = new WebDriverWait(driver, WAIT);
        wait.withMessage(() -> "Keycloak's login page is not shown")
                .until(d -> d.getCurrentUrl().startsWith(keycloak)
                        && !d.findElements(By.id("password")).isEmpty());
        // A re-authentication (prompt=login, max_age) names the user instead of asking for them.
        driver.findElements(By.id("username")).forEach(field -> type(field, username));
        type(wait.until(ExpectedConditions.elementToBeClickable(By.id("password"))), password);
        driver.findElement(By.id("kc-login")).click();
        wait.withMessage(() -> "Keycloak did not sign in " + username)
                .until(d -> !d.getCurrentUrl().startsWith(keycloak));
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    /** What {@link #check} found on one page; {@link #assertClean} fails a test on it. */
    public record PageCheck(
            String page, List<String> accessibilityViolations, List<String> consoleErrors, long transferBytes) {

        public PageCheck {
            accessibilityViolations = List.copyOf(accessibilityViolations);
            consoleErrors = List.copyOf(consoleErrors);
        }

        /** Fails when the page has a serious or critical accessibility violation, or logged an error. */
        public void assertClean() {
            if (accessibilityViolations.isEmpty() && consoleErrors.isEmpty()) {
                return;
            }
            var problems = new ArrayList<String>();
            accessibilityViolations.forEach(v -> problems.add("accessibility: " + v));
            consoleErrors.forEach(e -> problems.add("console: " + e));
            throw new AssertionError("page " + page + " is not clean:\n  " + String.join("\n  ", problems));
        }

        /** Fails when the page weighs {@code bytes} or more over the wire. */
        public void assertWeighsUnder(long bytes) {
            if (transferBytes >= bytes) {
                throw new AssertionError(
                        "page " + page + " weighs " + transferBytes + " bytes over the wire, the limit is " + bytes);
            }
        }
    }

    // Rule id, impact and where: never the element's HTML nor the rule's summary of it, which quote the page.
    private List<String> accessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        var nodes = rule.getNodes();
        String where = nodes.isEmpty() ? "?" : selector(nodes.getFirst().getTarget());
        String more = nodes.size() > 1 ? " and " + (nodes.size() - 1) + " more" : "";
        return rule.getId() + " (" + rule.getImpact() + ") at " + where + more;
    }

    // A target is a list of selectors, one per frame or shadow root on the way to the element.
    private static String selector(Object target) {
        if (target instanceof List<?> parts) {
            return parts.stream().map(Browser::selector).collect(Collectors.joining(" >> "));
        }
        return String.valueOf(target);
    }

    // Chromedriver hands out each entry once, so this is what was logged since the last read.
    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(LogEntry entry) {
        return entry.getLevel() + " " + entry.getMessage();
    }

    // Chromium screenshots only the viewport (without CDP), so the viewport grows to the page's height for the shot.
    private void screenshot(Path file) {
        Number pageHeight = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        try {
            resizeViewport(Math.clamp(pageHeight.longValue(), HEIGHT, MAX_SCREENSHOT_HEIGHT));
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resizeViewport(HEIGHT);
        }
    }

    private void resizeViewport(int height) {
        driver.manage().window().setSize(new Dimension(width, height + frameHeight));
    }

    private static synchronized void appendLine(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the browser profile " + dir, e);
        }
    }
}
