package org.jobpricing.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app in a real headless Chromium against a real server: sign-in with the forced password
 * change, a job priced with the keyboard alone (the page's figures equal the API's quote), a policy
 * cell edited (the server's error at the cell), simulated and published, a viewer without edit
 * controls (and the API's 403), and a batch with its progress bar and download. Each test leaves a
 * screenshot under target/screenshots. Ordered: the first signs the first admin in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserTest {

    static final Browser BROWSER = Browser.get();
    static final Pattern QUOTE_URL = Pattern.compile("#/quotes/([0-9a-f-]{36})$");

    WebDriver driver() {
        return BROWSER.driver();
    }

    @AfterEach
    void pageWasClean(TestInfo test) {
        shot(test.getTestMethod().orElseThrow().getName() + "-end");
        assertThat(BROWSER.pageFaults())
                .as("CSP refusals and uncaught errors in the console")
                .isEmpty();
        BROWSER.desktop();
    }

    /** A screenshot of the page, which must have a label for every input it shows. */
    void shot(String name) {
        BROWSER.screenshot(name);
        Object unlabelled = BROWSER.js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.offsetParent !== null)"
                + ".filter(e => !e.labels.length && !e.getAttribute('aria-label'))"
                + ".map(e => e.id || e.name || e.outerHTML.slice(0, 80))");
        assertThat((List<?>) unlabelled).as(name + ": inputs without a label").isEmpty();
    }

    /** Digits (and a decimal point) of a figure as shown: "$117,500" → 117500. */
    static BigDecimal shown(String text) {
        return new BigDecimal(text.replaceAll("[^0-9.\\-]", ""));
    }

    static BigDecimal whole(JsonNode value) {
        return value.decimalValue().setScale(0, RoundingMode.HALF_EVEN);
    }

    WebElement figure(String field) {
        return BROWSER.find("[data-field='" + field + "']");
    }

    /** Presses Tab until the element with {@code id} has the focus (the keyboard alone, no clicks). */
    WebElement tabTo(String id) {
        for (int i = 0; i < 40; i++) {
            WebElement active = driver().switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return active;
            }
            new Actions(driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    @Order(1)
    void theFirstAdminSignsInAndMustChooseAPassword() {
        driver().get(BROWSER.base() + "/");
        assertThat(driver().getCurrentUrl()).isEqualTo(BROWSER.base() + "/app/");
        Browser.type(BROWSER.find("#login-username"), "admin");
        Browser.type(BROWSER.find("#login-password"), "not-the-password");
        BROWSER.find("#login-submit").click();
        BROWSER.until(d -> d.findElement(By.id("login-error")).getText().equals("The username or password is wrong."));

        // a lockout is a sentence too (five failures lock a name, whether or not it exists)
        for (int i = 0; i < 6; i++) {
            Browser.type(BROWSER.find("#login-username"), "nobody-here");
            Browser.type(BROWSER.find("#login-password"), "not-the-password");
            BROWSER.find("#login-submit").click();
            BROWSER.until(d -> d.findElement(By.id("login-submit")).isEnabled());
        }
        BROWSER.until(d -> d.findElement(By.id("login-error"))
                .getText()
                .equals("Too many failed sign-ins for this name. Try again in 15 minutes."));

        Browser.type(BROWSER.find("#login-username"), "admin");
        Browser.type(BROWSER.find("#login-password"), BROWSER.oneTimePassword());
        BROWSER.find("#login-submit").click();
        WebElement next = BROWSER.find("#new-password");
        shot("signin-password-change");
        // the server's password policy, shown at the field
        Browser.type(next, "short");
        Browser.type(BROWSER.find("#new-password-again"), "short");
        BROWSER.find("#password-submit").click();
        String policy = BROWSER.until(d -> {
            String text = d.findElement(By.id("new-password-error")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(policy).contains("12");
        assertThat(next.getAttribute("aria-invalid")).isEqualTo("true");

        Browser.type(next, Browser.ADMIN_PASSWORD);
        Browser.type(BROWSER.find("#new-password-again"), Browser.ADMIN_PASSWORD);
        BROWSER.find("#password-submit").click();
        BROWSER.until(d -> d.findElement(By.id("price-form")).isDisplayed());
        assertThat(BROWSER.find("#signed-in-as").getText()).isEqualTo("admin");
        // the refresh token is an HttpOnly cookie: script on the page cannot see it, and a reload keeps the session
        assertThat((String) BROWSER.js("return document.cookie")).doesNotContain("jp_refresh");
        driver().navigate().refresh();
        BROWSER.until(d -> d.findElement(By.id("price-form")).isDisplayed());
        assertThat(BROWSER.find("#signed-in-as").getText()).isEqualTo("admin");

        BROWSER.open("/admin/users");
        assertThat(BROWSER.find(".users").getText()).contains("admin");
        shot("admin-users");
        BROWSER.open("/admin/plugins");
        assertThat(BROWSER.find(".plugins").getText()).contains("bls-oews", "onet-enricher");
        shot("admin-plugins");

        BROWSER.find("#sign-out").click();
        assertThat(BROWSER.find("#login-info").getText()).isEqualTo("You have signed out.");
        driver().navigate().refresh();
        assertThat(BROWSER.find("#login-username").isDisplayed())
                .as("signed out stays signed out")
                .isTrue();
        assertThat(new Api(BROWSER.port())
                        .login("admin", Browser.ADMIN_PASSWORD)
                        .get("/api/v1/auth/me")
                        .json()
                        .get("mustChangePassword")
                        .asBoolean())
                .isFalse();
    }

    @Test
    @Order(2)
    void anAnalystPricesAJobWithTheKeyboardAndThePageShowsTheApisFigures() {
        Api api = BROWSER.signInAs(Role.HR_ANALYST);
        BROWSER.open("/price");
        WebElement title = BROWSER.find("#price-title");
        BROWSER.until(d -> title.equals(d.switchTo().activeElement()));
        new Actions(driver()).sendKeys("Software Developer").perform();
        // the O*NET enricher's matches, with their confidence, picked with the keyboard
        WebElement best = BROWSER.find("#suggestion-0");
        double score = api.postJson(
                        "/api/v1/ai/occupation-matches", "{\"title\": \"Software Developer\", \"limit\": 5}")
                .json()
                .at("/matches/0/score")
                .asDouble();
        assertThat(best.getText())
                .startsWith("15-1252 Software Developers")
                .endsWith(Math.round(score * 100) + "% match");
        shot("price-suggestions");
        tabTo("suggestion-0");
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        assertThat(BROWSER.find("#price-occupationCode").getAttribute("value")).isEqualTo("15-1252");
        assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("price-level");
        new Actions(driver()).sendKeys("IC3").perform();
        tabTo("price-country");
        new Actions(driver())
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .sendKeys("US")
                .perform();
        tabTo("price-asOf");
        new Actions(driver()).sendKeys("05012026").perform();
        tabTo("price-skill");
        new Actions(driver()).sendKeys("Kubernetes", Keys.ENTER).perform();
        assertThat(BROWSER.find("#skill-chips").getText()).contains("Kubernetes");
        assertThat(new Select(BROWSER.find("#price-level"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("IC3");
        assertThat(BROWSER.find("#price-asOf").getAttribute("value")).isEqualTo("2026-05-01");
        shot("price-form");
        new Actions(driver()).sendKeys(Keys.ENTER).perform();

        String url = BROWSER.until(d -> QUOTE_URL.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
        Matcher id = QUOTE_URL.matcher(url);
        assertThat(id.find()).isTrue();
        BROWSER.find("#quote-figures");
        JsonNode quote = api.get("/api/v1/pricing/quotes/" + id.group(1)).json();
        assertThat(quote.at("/market/p50").decimalValue()).isEqualByComparingTo("140059.40");
        assertThat(quote.at("/band/min").decimalValue()).isEqualByComparingTo("117500");
        assertThat(quote.at("/band/mid").decimalValue()).isEqualByComparingTo("147000");
        assertThat(quote.at("/band/max").decimalValue()).isEqualByComparingTo("176500");
        for (String band : List.of("min", "mid", "max")) {
            assertThat(shown(figure("band." + band).getText()))
                    .as("band " + band)
                    .isEqualByComparingTo(quote.at("/band/" + band).decimalValue());
        }
        for (String p : List.of("p10", "p25", "p50", "p75", "p90")) {
            assertThat(shown(BROWSER.find(".percentiles [data-field='market." + p + "']")
                            .getText()))
                    .as(p)
                    .isEqualByComparingTo(whole(quote.at("/market/" + p)));
        }
        assertThat(figure("premium").getText())
                .isEqualTo(quote.get("premium")
                                .decimalValue()
                                .movePointRight(2)
                                .stripTrailingZeros()
                                .toPlainString() + "%");
        assertThat(figure("confidence.score").getText())
                .isEqualTo(quote.at("/confidence/score").asText());
        assertThat(BROWSER.find("#confidence").getText())
                .contains(quote.at("/confidence/label").asText());
        assertThat(driver().findElement(By.cssSelector("#percentile-chart svg title"))
                        .getAttribute("textContent"))
                .contains("$117,500", "$176,500");
        assertThat(BROWSER.all(".observations tbody tr"))
                .hasSize(quote.get("observations").size());
        assertThat(BROWSER.find(".observations").getText())
                .contains(
                        quote.at("/observations/0/sourceId").asText(),
                        quote.at("/observations/0/match").asText());
        List<WebElement> steps = BROWSER.all("#explanation ol.steps > li");
        assertThat(steps).hasSize(quote.get("explanation").size());
        assertThat(steps.get(0).getText())
                .startsWith(quote.at("/explanation/0/rule").asText());

        // the spread step names its file and row, and its link opens the table at that row
        WebElement spread = BROWSER.until(d -> d.findElements(By.cssSelector("#explanation li")).stream()
                .filter(li ->
                        li.getText().startsWith("Spreads_13") && li.getText().contains("spreads.drl.csv, line 13"))
                .findFirst()
                .orElse(null));
        assertThat(spread.getText()).contains("Spreads: Level IC3");
        shot("quote");
        BROWSER.phone();
        driver().navigate().refresh();
        BROWSER.find("#quote-figures");
        assertThat(((Number) BROWSER.js("return window.innerWidth")).intValue()).isEqualTo(390);
        assertThat(((Number) BROWSER.js("return document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);
        assertThat(BROWSER.find("#nav-toggle").isDisplayed()).isTrue();
        shot("quote-phone");
        BROWSER.desktop();
        driver().navigate().refresh();
        spread = BROWSER.until(d -> d.findElements(By.cssSelector("#explanation li")).stream()
                .filter(li -> li.getText().contains("spreads.drl.csv, line 13"))
                .findFirst()
                .orElse(null));
        spread.findElement(By.cssSelector("a.rule-link")).click();
        WebElement row = BROWSER.find("tr.highlight");
        assertThat(row.getAttribute("data-line")).isEqualTo("13");
        assertThat(row.getText()).contains("13");
        assertThat(driver().findElement(By.cssSelector("tr.highlight input[data-column='Level']"))
                        .getAttribute("value"))
                .isEqualTo("IC3");
    }

    @Test
    @Order(3)
    void aManagerEditsTheIc3SpreadSeesTheErrorAtTheCellSimulatesAndPublishes() {
        Api api = BROWSER.signInAs(Role.HR_MANAGER);
        int active = activeVersion(api);
        BROWSER.open("/rules/" + active + "/files/spreads.drl.csv");
        String ic3 = "input[data-row-key='IC3'][data-column='Spread']";
        WebElement cell = BROWSER.find(ic3);
        assertThat(cell.getAttribute("value")).isEqualTo("0.50");
        String errorId = cell.getAttribute("id") + "-error";
        Browser.type(cell, "abc");
        String error = BROWSER.until(d -> {
            String text = d.findElement(By.id(errorId)).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(error).contains("'abc' is not a number");
        assertThat(cell.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().findElements(By.cssSelector("[aria-invalid='true']")))
                .as("only that cell")
                .hasSize(1);
        shot("rules-cell-error");

        Browser.type(cell, "0.60");
        BROWSER.until(d -> d.findElement(By.id("validation-status")).getText().equals("The server found no problems."));
        assertThat(driver().findElement(By.id(errorId)).getText()).isEmpty();
        assertThat(cell.getAttribute("aria-invalid")).isNull();
        Browser.type(BROWSER.find("#version-message"), "Widen the IC3 band to 60 %");
        shot("rules-table");
        BROWSER.find("#save-version").click();
        int draft = Integer.parseInt(BROWSER.until(d -> {
            Matcher m = Pattern.compile("#/rules/(\\d+)$").matcher(d.getCurrentUrl());
            return m.find() && !m.group(1).equals(String.valueOf(active)) ? m.group(1) : null;
        }));
        assertThat(BROWSER.find("#diff").getText()).contains("Spread 0.50", "Spread 0.60");

        BROWSER.find("#run-whatif").click();
        WebElement ic3Row = BROWSER.find("#whatif-by-level tr[data-group='IC3']");
        JsonNode sim = api.postJson("/api/v1/rules/versions/" + draft + "/simulate", "{\"limit\": 100}")
                .json();
        List<WebElement> cells = ic3Row.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText())
                .isEqualTo(sim.at("/byLevel/IC3/quotes").asText());
        assertThat(cells.get(2).getText())
                .isEqualTo(sim.at("/byLevel/IC3/moved").asText());
        assertThat(sim.at("/byLevel/IC3/moved").asInt()).isPositive();
        assertThat(cells.get(5).getText()).as("the max rises").startsWith("+");
        assertThat(cells.get(3).getText()).as("the min falls").startsWith("−");
        assertThat(BROWSER.find("#whatif-chart svg")).isNotNull();
        shot("rules-whatif");

        BROWSER.find("#publish").click();
        assertThat(BROWSER.find("#publish-message").getText()).isEqualTo("Widen the IC3 band to 60 %");
        BROWSER.find("#confirm-action").click();
        BROWSER.until(d -> d.findElement(By.cssSelector("h1 .badge")).getText().equals("active"));
        assertThat(activeVersion(api)).isEqualTo(draft);

        // a new quote is priced with the published spread
        BROWSER.open("/price");
        Browser.type(BROWSER.find("#price-title"), "Software Developer");
        Browser.type(BROWSER.find("#price-occupationCode"), "15-1252");
        BROWSER.js("arguments[0].value = '2026-05-01'", BROWSER.find("#price-asOf"));
        Browser.type(BROWSER.find("#price-skill"), "Kubernetes");
        BROWSER.find("#add-skill").click();
        BROWSER.find("#price-submit").click();
        String url = BROWSER.until(d -> QUOTE_URL.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
        Matcher id = QUOTE_URL.matcher(url);
        assertThat(id.find()).isTrue();
        JsonNode quote = api.get("/api/v1/pricing/quotes/" + id.group(1)).json();
        assertThat(quote.get("rulesetVersion").asText()).isEqualTo("v" + draft);
        assertThat(quote.at("/band/spread").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(quote.at("/band/min").decimalValue()).isEqualByComparingTo("113000");
        assertThat(quote.at("/band/max").decimalValue()).isEqualByComparingTo("181000");
        assertThat(shown(figure("band.min").getText())).isEqualByComparingTo("113000");
        assertThat(shown(figure("band.max").getText())).isEqualByComparingTo("181000");
        assertThat(BROWSER.find("#quote-meta").getText()).contains("Rules v" + draft);
        BROWSER.until(d -> d.findElements(By.cssSelector("#explanation li")).stream()
                .anyMatch(li -> li.getText().startsWith("Spreads_13 — spread(IC3) unset -> 0.6")));
    }

    @Test
    @Order(4)
    void aViewerSeesNoEditControlsAndTheApiRefusesTheSameActions() {
        Api viewer = BROWSER.signInAs(Role.VIEWER);
        int active = activeVersion(viewer);
        List<String> nav =
                BROWSER.all("#nav a").stream().map(WebElement::getText).toList();
        assertThat(nav).contains("Quotes", "Rules", "Market data").doesNotContain("Price a job", "Batch");
        BROWSER.open("/rules/" + active + "/files/spreads.drl.csv");
        BROWSER.find(".cell-ro[data-row-key='IC3'][data-column='Spread']");
        assertThat(BROWSER.all("input.cell")).isEmpty();
        assertThat(BROWSER.all(".add-row")).isEmpty();
        assertThat(BROWSER.all(".remove-row")).isEmpty();
        assertThat(BROWSER.all("#save-bar:not([hidden])")).isEmpty();
        shot("viewer-table");
        BROWSER.open("/rules/1");
        BROWSER.find("#run-tests");
        assertThat(BROWSER.all("#publish")).isEmpty();
        assertThat(BROWSER.all("#rollback")).isEmpty();
        assertThat(BROWSER.all("#run-whatif")).isEmpty();
        BROWSER.open("/rules");
        assertThat(BROWSER.find(".versions tr.highlight").getText()).contains("v" + active, "active");
        shot("rules-versions");
        BROWSER.open("/market");
        int stored = viewer.get("/api/v1/plugins/bls-oews")
                .json()
                .at("/sources/0/lastRun/rowsOut")
                .asInt();
        assertThat(stored).isPositive();
        assertThat(BROWSER.find(".sources tr[data-source='bls-oews']").getText())
                .contains("healthy", String.format(java.util.Locale.US, "%,d stored", stored));
        BROWSER.find("#observations table");
        shot("market");
        assertThat(BROWSER.all(".run-source")).isEmpty();
        assertThat(BROWSER.all("#import-submit")).isEmpty();

        // the server is what decides: the same actions through the API are refused
        String files = viewer.get("/api/v1/rules/versions/" + active)
                .json()
                .get("files")
                .toString();
        assertThat(viewer.postJson("/api/v1/rules/versions", "{\"message\": \"x\", \"files\": " + files + "}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.postJson("/api/v1/rules/versions/1/rollback", "").status())
                .isEqualTo(403);
        assertThat(viewer.postJson(
                                "/api/v1/pricing/quotes", "{\"title\": \"x\", \"level\": \"IC3\", \"country\": \"US\"}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.get("/api/v1/auth/me").json().get("permissions").toString())
                .doesNotContain("rules:write", "rules:publish", "pricing:create");
    }

    @Test
    @Order(5)
    void aBatchShowsItsProgressAndThePricedCsvDownloads() throws IOException, InterruptedException {
        BROWSER.signInAs(Role.HR_ANALYST);
        int rows = 4000;
        StringBuilder csv = new StringBuilder("title,occupation_code,level,country,area,currency,as_of,skills\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(
                    i % 1000 == 0
                            ? "Bad level,15-1252,IC99,US,,USD,2026-05-01,\n"
                            : "Software Developer " + i + ",15-1252,IC" + (1 + i % 5)
                                    + ",US,,USD,2026-05-01,Kubernetes\n");
        }
        Path input = Files.createTempFile("jobs", ".csv");
        Files.writeString(input, csv);
        BROWSER.open("/batch");
        BROWSER.find("#batch-file").sendKeys(input.toAbsolutePath().toString());
        BROWSER.js("""
                window.progressSeen = [];
                const bar = document.getElementById('batch-progress');
                new MutationObserver(() => window.progressSeen.push([bar.value, bar.max]))
                    .observe(bar, { attributes: true });""");
        BROWSER.find("#batch-submit").click();
        WebElement download = BROWSER.find("#batch-download");
        assertThat(BROWSER.find("#batch-progress-text").getText()).startsWith("Done: 3,996 priced, 4 with errors, in ");
        @SuppressWarnings("unchecked")
        List<List<Number>> seen = (List<List<Number>>) BROWSER.js("return window.progressSeen");
        assertThat(seen)
                .as("the bar moved while rows came back")
                .anySatisfy(
                        v -> assertThat(v.get(0).doubleValue()).isGreaterThan(0).isLessThan(rows));
        assertThat(((Number) BROWSER.js("return document.getElementById('batch-progress').value")).intValue())
                .isEqualTo(rows);
        List<String> badLines = BROWSER.all("#batch-errors tbody tr").stream()
                .map(tr -> tr.getAttribute("data-line"))
                .toList();
        assertThat(badLines).containsExactly("1001", "2001", "3001", "4001");
        assertThat(BROWSER.find("#batch-errors").getText())
                .contains("UNKNOWN_LEVEL", "level IC99 is not in the level tables");
        shot("batch");

        download.click();
        Path file = BROWSER.downloads().resolve("priced-" + input.getFileName().toString());
        for (int i = 0; i < 100 && !(Files.exists(file) && Files.size(file) > 0); i++) {
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(rows + 1);
        assertThat(lines.get(0)).startsWith("line,status,id,occupation_code,level");
        assertThat(lines.stream().filter(l -> l.contains(",ERROR,"))).hasSize(4);
        assertThat(lines.stream().filter(l -> l.contains(",OK,"))).hasSize(rows - 4);
    }

    @Test
    @Order(6)
    void rowsAreAddedAndRemovedAWorkbookIsAGridAndAVersionDownloadsAsAZip() throws IOException, InterruptedException {
        Api api = BROWSER.signInAs(Role.HR_ANALYST);
        int active = activeVersion(api);
        BROWSER.open("/rules/" + active + "/files/areas.drl.csv");
        // the table's rows are drawn after its file arrives: wait for them before counting
        int shipped = BROWSER.until(d -> {
            int drawn =
                    d.findElements(By.cssSelector("input[data-column='Area']")).size();
            return drawn > 0 ? drawn : null;
        });
        assertThat(shipped).as("every U.S. state and OEWS area").isGreaterThan(500);
        BROWSER.find(".add-row").click();
        WebElement added = BROWSER.until(d -> {
            WebElement focused = d.switchTo().activeElement();
            return "Area".equals(focused.getAttribute("data-column")) ? focused : null;
        });
        added.sendKeys("CA-TOR");
        Browser.type(added.findElement(By.xpath("ancestor::tr//input[@data-column='Index']")), "1.05");
        BROWSER.until(d -> d.findElement(By.id("validation-status")).getText().equals("The server found no problems."));
        // a leaf row (Cheyenne, WY): removing a state would leave its metros naming a region that is not a row
        BROWSER.find("button[aria-label='Remove row US-16940']").click();
        BROWSER.until(d -> d.findElement(By.id("validation-status")).getText().equals("The server found no problems."));
        List<String> areas = BROWSER.all("input[data-column='Area']").stream()
                .map(i -> i.getAttribute("value"))
                .toList();
        assertThat(areas)
                .hasSize(shipped)
                .contains("CA-TOR", "US-CA", "US-41860")
                .doesNotContain("US-16940");
        assertThat(BROWSER.find("#save-bar").getText()).contains("areas.drl.csv");
        BROWSER.find("#discard-changes").click();
        BROWSER.until(d -> d.findElements(By.cssSelector("input[data-column='Area']")).stream()
                .map(i -> i.getAttribute("value"))
                .toList()
                .contains("US-16940"));
        assertThat(BROWSER.all("input[data-column='Area']").stream()
                        .map(i -> i.getAttribute("value"))
                        .toList())
                .doesNotContain("CA-TOR");
        assertThat(BROWSER.all("#save-bar:not([hidden])")).isEmpty();

        BROWSER.open("/rules/" + active + "/files/premiums.drl.xlsx?line=12");
        WebElement row = BROWSER.find("tr.highlight");
        assertThat(row.getAttribute("data-line")).isEqualTo("12");
        assertThat(BROWSER.all("section.dt h2").stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("Skill premiums", "Premium cap");
        assertThat(BROWSER.find("#upload-workbook")).isNotNull();

        BROWSER.open("/rules/" + active);
        BROWSER.find("#download-zip").click();
        Path zip = BROWSER.downloads().resolve("rules-v" + active + ".zip");
        for (int i = 0; i < 100 && !(Files.exists(zip) && Files.size(zip) > 0); i++) {
            Thread.sleep(100);
        }
        JsonNode files = api.get("/api/v1/rules/versions/" + active).json().get("files");
        java.util.Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        java.util.List<String> expected = new java.util.ArrayList<>();
        files.fieldNames().forEachRemaining(name -> expected.add("rules/" + name));
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(new String(entries.get("rules/spreads.drl.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(files.get("spreads.drl.csv").asText());
        assertThat(entries.get("rules/premiums.drl.xlsx"))
                .isEqualTo(java.util.Base64.getDecoder()
                        .decode(files.get("premiums.drl.xlsx").asText()));
    }

    @Test
    @Order(7)
    void aManagerImportsARosterAndSeesCompaRatiosAndThePayGapWhichAViewerCannotOpen()
            throws IOException, InterruptedException {
        Api api = BROWSER.signInAs(Role.HR_MANAGER);
        // 12 engineers of one job: the women paid about 10 % less, so their category is flagged
        StringBuilder csv = new StringBuilder(
                "employee_id,occupation_code,job_family,level,country,base_pay,currency,period,variable_pay,gender,fte\n");
        for (int i = 0; i < 12; i++) {
            boolean woman = i % 2 == 0;
            double pay = (woman ? 126000 : 140000) + i * 900 + 0.0137;
            csv.append("UI-")
                    .append(i)
                    .append(",15-1252,Engineering,IC3,US,")
                    .append(pay)
                    .append(",USD,ANNUAL,")
                    .append(i % 3 == 0 ? "" : "8000.0137")
                    .append(',')
                    .append(woman ? "F" : "M")
                    .append(",1\n");
        }
        Path roster = Files.createTempFile("roster", ".csv");
        Files.writeString(roster, csv);
        BROWSER.open("/employees");
        BROWSER.find("#roster-file").sendKeys(roster.toAbsolutePath().toString());
        Browser.type(BROWSER.find("#roster-date"), "06302026");
        BROWSER.find("#roster-submit").click();
        assertThat(BROWSER.find("#roster-result").getText()).startsWith("12 employees imported as snapshot ");
        long snapshot = api.get("/api/v1/employees")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        BROWSER.find("#compa-chart svg");
        assertThat(BROWSER.all("#compa-chart rect.market-outer")).hasSize(1);
        JsonNode position = api.get("/api/v1/employees/snapshots/" + snapshot + "/market-position")
                .json();
        assertThat(BROWSER.find("#position-totals").getText()).contains("12");
        assertThat(BROWSER.find("#market-position").getText())
                .contains(position.get("total")
                        .get("compaRatio")
                        .get("p50")
                        .decimalValue()
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString());

        JsonNode report =
                api.get("/api/v1/reports/pay-gap?snapshot=" + snapshot).json();
        BROWSER.find("#paygap-chart svg");
        assertThat(BROWSER.all("#paygap-chart rect.gap-bar.flagged")).hasSize(1);
        assertThat(BROWSER.find("#basic-gap").getText())
                .startsWith(report.get("basicPay").get("meanGap").decimalValue().toPlainString() + "%");
        assertThat(BROWSER.find("#flag-count").getText()).contains("1 category flagged");
        shot("employee-pay");

        BROWSER.find("button.export[data-format='pdf']").click();
        Path pdf = BROWSER.downloads().resolve("pay-gap-snapshot-" + snapshot + ".pdf");
        for (int i = 0; i < 100 && !(Files.exists(pdf) && Files.size(pdf) > 0); i++) {
            Thread.sleep(100);
        }
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        BROWSER.signInAs(Role.VIEWER);
        assertThat(BROWSER.all("#nav a[href='#/employees']")).isEmpty();
        BROWSER.open("/employees");
        assertThat(BROWSER.find("main h1").getText()).isEqualTo("Not available");
    }

    static int activeVersion(Api api) {
        for (JsonNode v : api.get("/api/v1/rules/versions").json()) {
            if (v.get("active").asBoolean()) {
                return v.get("version").asInt();
            }
        }
        throw new AssertionError("no active rule-set version");
    }
}
