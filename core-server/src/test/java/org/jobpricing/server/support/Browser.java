package org.jobpricing.server.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.auth.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * One headless Chromium (Debian's chromium and chromedriver) and one real server, shared by every
 * browser test of a run: the server is a separate JVM on H2 with the bundled rules and plugins (the
 * BLS data loaded at startup) and a first admin with a one-time password, as on a first real start.
 */
public final class Browser {

    /** The password the sign-in test gives the first admin in place of the one-time password. */
    public static final String ADMIN_PASSWORD = "Amber-lighthouse-meadow-3318";

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern ONE_TIME = Pattern.compile("one-time password (\\S+)");
    private static Browser shared;

    private final ServerProcess server;
    private final ChromeDriver driver;
    private final String oneTimePassword;
    private final Path downloads;
    private final Path screenshots;
    private final Map<Role, Api> clients = new ConcurrentHashMap<>();
    private boolean phone;

    private Browser(
            ServerProcess server, ChromeDriver driver, String oneTimePassword, Path downloads, Path screenshots) {
        this.server = server;
        this.driver = driver;
        this.oneTimePassword = oneTimePassword;
        this.downloads = downloads;
        this.screenshots = screenshots;
    }

    /** The shared browser and server, started on first use and stopped when the test JVM exits. */
    public static synchronized Browser get() {
        if (shared == null) {
            shared = start();
            Browser started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return shared;
    }

    private static Browser start() {
        try {
            ServerProcess server = ServerProcess.start(
                    TestDatabases.h2(), "auth.adminEmail", "", "auth.adminPassword", "", "logging.level", "WARN");
            Matcher m = ONE_TIME.matcher(server.logText());
            if (!m.find()) {
                server.close();
                throw new IllegalStateException("the server printed no one-time admin password");
            }
            Path downloads = Files.createTempDirectory("jobpricing-downloads");
            Path screenshots = Path.of("target", "screenshots");
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("jobpricing.chromium", "/usr/bin/chromium"));
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,800",
                    "--lang=en-US",
                    "--no-first-run",
                    "--disable-extensions");
            options.setExperimentalOption(
                    "prefs",
                    Map.of(
                            "download.default_directory",
                            downloads.toAbsolutePath().toString(),
                            "download.prompt_for_download",
                            false,
                            "intl.accept_languages",
                            "en-US"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // the driver is given, so Selenium Manager never looks anything up on the network
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(
                            new File(System.getProperty("jobpricing.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 800));
            driver.executeCdpCommand(
                    "Browser.setDownloadBehavior",
                    Map.of(
                            "behavior",
                            "allow",
                            "downloadPath",
                            downloads.toAbsolutePath().toString()));
            return new Browser(server, driver, m.group(1), downloads, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // the browser may already be gone at exit
        }
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public int port() {
        return server.port();
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public String oneTimePassword() {
        return oneTimePassword;
    }

    public Path downloads() {
        return downloads;
    }

    /** Opens a page of the app by its hash route, e.g. {@code /rules}. */
    public void open(String route) {
        driver.get(base() + "/app/#" + route);
    }

    /** A phone's viewport (390 × 844 CSS pixels, touch, mobile layout); {@link #desktop()} restores 1280 × 800. */
    public void phone() {
        phone = true;
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    public void desktop() {
        phone = false;
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    /** Forgets the session: the refresh cookie is HttpOnly and scoped to /api/v1/auth, so it goes through CDP. */
    public void forgetSession() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
    }

    /** Signs in through the sign-in form and waits for the app's top bar. */
    public void signIn(String username, String password) {
        forgetSession();
        driver.get(base() + "/");
        type(find("#login-username"), username);
        type(find("#login-password"), password);
        find("#login-submit").click();
        until(d -> username.equals(d.findElement(By.id("signed-in-as")).getText()));
    }

    /** Signs in as a user of {@code role} (created through the admin API on first use). */
    public Api signInAs(Role role) {
        Api api = api(role);
        signIn(username(role), TestUsers.PASSWORD);
        return api;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    public static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * A full-page PNG under target/screenshots: the viewport is made as tall as the page for the shot,
     * so sticky and fixed parts sit where a reader expects them.
     */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        long width = ((Number) viewport.get("clientWidth")).longValue();
        long height = Math.min(((Number) size.get("height")).longValue(), 8000);
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        Map<String, Object> shot;
        try {
            shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        } finally {
            if (phone) {
                phone();
            } else {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * What the page's console reported that must never happen: Content-Security-Policy refusals and
     * uncaught script errors (a 4xx answer the app handles is logged by Chromium too, and is fine).
     */
    public List<String> pageFaults() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m ->
                        m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught"))
                .toList();
    }

    /** The admin's API client; the admin's one-time password is changed here if no test has done it yet. */
    public synchronized Api admin() {
        Api anonymous = new Api(server.port());
        Api.Reply reply = anonymous.postJson(
                "/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}");
        if (reply.status() != 200) {
            Api once = anonymous.login("admin", oneTimePassword);
            Api.Reply changed = once.put(
                    "/api/v1/auth/me/password",
                    "{\"currentPassword\": \"" + oneTimePassword + "\", \"newPassword\": \"" + ADMIN_PASSWORD + "\"}");
            if (changed.status() != 204) {
                throw new IllegalStateException("could not change the admin's password: " + changed.text());
            }
        }
        return anonymous.login("admin", ADMIN_PASSWORD);
    }

    public static String username(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-ui";
    }

    /** An API client signed in as a user of {@code role}, created through the admin API once. */
    public Api api(Role role) {
        if (role == Role.ADMIN) {
            return admin();
        }
        return clients.computeIfAbsent(role, r -> {
            String username = username(r);
            Api.Reply created =
                    admin().postJson("/api/v1/users", """
                    {"username": "%s", "email": "%s@example.test", "password": "%s", "role": "%s"}""".formatted(username, username, TestUsers.PASSWORD, r.name()));
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException("could not create " + username + ": " + created.text());
            }
            return new Api(server.port()).login(username, TestUsers.PASSWORD);
        });
    }
}
