package org.jobpricing.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The structures and postings pages in headless Chromium against the shared browser server: a manager
 * builds a structure from stored quotes (the chart's bars and dots are the API's grades and jobs),
 * moves a job, publishes and downloads the CSV; an analyst works out the ranges of a New York, Denver
 * and Seattle posting (the page's sentences are the stored ones) and checks an open-ended ad; a viewer
 * gets no build form. Runs after {@link WebAppBrowserTest}, which signs the first admin in.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StructuresBrowserTest {

    static final Browser BROWSER = Browser.get();
    static final Pattern STRUCTURE_URL = Pattern.compile("#/structures/([0-9a-f-]{36})$");
    static final List<String> CODES = List.of("43-4051", "13-1071", "13-2011", "15-1244", "15-1252", "11-3021");
    static String structureName;

    @AfterEach
    void pageWasClean(TestInfo test) {
        BROWSER.screenshot("structures-" + test.getTestMethod().orElseThrow().getName());
        Object unlabelled = BROWSER.js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.offsetParent !== null)"
                + ".filter(e => !e.labels.length && !e.getAttribute('aria-label'))"
                + ".map(e => e.id || e.name || e.outerHTML.slice(0, 80))");
        assertThat((List<?>) unlabelled).as("inputs without a label").isEmpty();
        assertThat(BROWSER.pageFaults()).as("CSP refusals and uncaught errors").isEmpty();
    }

    static String price(Api api, String code) {
        Api.Reply q = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Job %s", "occupationCode": "%s", "level": "IC3", "country": "US", "asOf": "2026-05-01"}""".formatted(code, code));
        assertThat(q.status()).as(q.text()).isEqualTo(201);
        return q.json().get("id").asText();
    }

    static BigDecimal shown(String text) {
        return new BigDecimal(text.replaceAll("[^0-9.\\-]", ""));
    }

    @Test
    @Order(1)
    void aManagerBuildsAStructureSeesItsChartMovesAJobPublishesAndDownloadsIt() throws Exception {
        Api api = BROWSER.signInAs(Role.HR_MANAGER);
        List<String> quotes = CODES.stream().map(c -> price(api, c)).toList();
        structureName = "Browser structure " + System.nanoTime();

        BROWSER.open("/structures");
        Browser.type(BROWSER.find("#structure-name"), structureName);
        new Select(BROWSER.find("#structure-method")).selectByValue("PROGRESSION");
        Browser.type(BROWSER.find("#structure-grades"), "4");
        Browser.type(BROWSER.find("#structure-progression"), "25");
        Select jobs = new Select(BROWSER.find("#structure-jobs"));
        BROWSER.until(d -> jobs.getOptions().size() >= quotes.size());
        quotes.forEach(jobs::selectByValue);
        BROWSER.find("#structure-build").click();

        String url = BROWSER.until(d -> STRUCTURE_URL.matcher(d.getCurrentUrl()).find() ? d.getCurrentUrl() : null);
        Matcher m = STRUCTURE_URL.matcher(url);
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        BROWSER.find("#structure-chart");
        JsonNode s = api.get("/api/v1/structures/" + id).json();
        assertThat(s.get("jobs")).hasSize(6);
        // the chart: one bar per grade, one dot per job, hollow dots for the jobs outside their tolerance
        assertThat(BROWSER.all("#structure-chart rect.grade-bar")).hasSize(4);
        assertThat(BROWSER.all("#structure-chart circle.job-dot")).hasSize(6);
        assertThat(BROWSER.all("#structure-chart circle.job-dot.outside"))
                .hasSize(s.get("jobsOutside").asInt());
        for (JsonNode g : s.get("grades")) {
            WebElement row =
                    BROWSER.find("table tr[data-grade='" + g.get("grade").asInt() + "']");
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(shown(cells.get(1).getText()))
                    .isEqualByComparingTo(g.get("min").decimalValue());
            assertThat(shown(cells.get(2).getText()))
                    .isEqualByComparingTo(g.get("mid").decimalValue());
            assertThat(shown(cells.get(3).getText()))
                    .isEqualByComparingTo(g.get("max").decimalValue());
        }
        assertThat(BROWSER.find("#structure-meta").getText())
                .startsWith("DRAFT")
                .contains("midpoint progression 25%");

        // move the first job one grade up (or down from the top)
        JsonNode first = s.get("jobs").get(0);
        int to = first.get("grade").asInt() == 4 ? 3 : first.get("grade").asInt() + 1;
        new Select(BROWSER.find("#move-job")).selectByValue(first.get("quoteId").asText());
        new Select(BROWSER.find("#move-grade")).selectByValue(String.valueOf(to));
        BROWSER.find("#move-submit").click();
        String next = BROWSER.until(d -> {
            Matcher n = STRUCTURE_URL.matcher(d.getCurrentUrl());
            return n.find() && !n.group(1).equals(id) ? n.group(1) : null;
        });
        BROWSER.until(d -> d.findElement(By.cssSelector("h1")).getText().endsWith(" v2"));
        JsonNode v2 = api.get("/api/v1/structures/" + next).json();
        assertThat(v2.at("/jobs/0/grade").asInt()).isEqualTo(to);
        assertThat(BROWSER.find("tr[data-quote='" + first.get("quoteId").asText() + "']")
                        .getText())
                .contains("moved");

        BROWSER.find("#structure-publish").click();
        BROWSER.until(d -> d.findElement(By.id("structure-meta")).getText().startsWith("PUBLISHED"));
        assertThat(BROWSER.all("#structure-publish")).isEmpty();
        assertThat(api.get("/api/v1/structures/" + next).json().get("status").asText())
                .isEqualTo("PUBLISHED");

        BROWSER.find("#export-csv").click();
        Path csv = BROWSER.until(d -> {
            try (Stream<Path> files = Files.list(BROWSER.downloads())) {
                return files.filter(p -> p.getFileName().toString().endsWith("-v2-grades.csv"))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        String text = Files.readString(csv);
        assertThat(text.split("\r\n")).hasSize(5);
        assertThat(text).contains(v2.at("/grades/0/mid").decimalValue().toPlainString());
    }

    @Test
    @Order(2)
    void anAnalystWorksOutTheRangesOfANewYorkDenverSeattlePostingAndChecksAnAd() {
        Api api = BROWSER.signInAs(Role.HR_ANALYST);
        String quote = price(api, "15-1252");
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(30);

        BROWSER.open("/postings?quote=" + quote);
        assertThat(BROWSER.find("#posting-quote").getAttribute("value")).isEqualTo(quote);
        for (String place : List.of("nyc", "den", "sea")) {
            BROWSER.find("#posting-" + place).click();
        }
        Browser.type(BROWSER.find("#posting-benefits"), "Medical, dental and vision; 401(k) with a 4% match");
        BROWSER.find("#posting-deadline")
                .sendKeys(DateTimeFormatter.ofPattern("MMddyyyy").format(deadline));
        BROWSER.find("#posting-submit").click();
        BROWSER.find("#posting-answer tr[data-jurisdiction='WA']");
        List<String> sentences = new ArrayList<>();
        for (WebElement s : BROWSER.all("#posting-answer .sentence")) {
            sentences.add(s.getText());
        }
        JsonNode stored =
                api.get("/api/v1/postings/ranges?quoteId=" + quote).json().get("items");
        assertThat(stored).hasSize(3);
        List<String> storedSentences = new ArrayList<>();
        stored.forEach(r -> storedSentences.add(r.get("sentence").asText()));
        assertThat(sentences).containsExactlyInAnyOrderElementsOf(storedSentences);
        assertThat(sentences.get(0)).startsWith("The pay range for this role in New York City is $");
        assertThat(sentences.get(1)).contains("Apply by");
        BROWSER.screenshot("postings-ranges");

        // a refused range names the jurisdiction and the rule: Colorado without a deadline
        BROWSER.find("#posting-deadline").clear();
        BROWSER.find("#posting-submit").click();
        WebElement refused = BROWSER.find("#range-refused");
        assertThat(refused.getText()).contains("CO", "Posting requirements_13", "MISSING_DEADLINE");

        Browser.type(BROWSER.find("#check-text"), "Product Designer in Manhattan. Compensation: $120k+ DOE.");
        BROWSER.find("#check-nyc").click();
        BROWSER.find("#check-submit").click();
        assertThat(BROWSER.find("#check-verdict").getText()).isEqualTo("1 requirement(s) missing.");
        assertThat(BROWSER.find("tr[data-finding='NYC:OPEN_ENDED_RANGE']").getText())
                .contains("open-ended");
    }

    @Test
    @Order(3)
    void aViewerReadsStructuresWithoutBuildOrPublishControls() {
        BROWSER.signInAs(Role.VIEWER);
        BROWSER.open("/structures");
        BROWSER.find("#structure-list table");
        assertThat(BROWSER.all("#structure-form")).isEmpty();
        BROWSER.find("#structure-list a").click();
        BROWSER.find("#structure-chart");
        assertThat(BROWSER.all("#structure-publish")).isEmpty();
        assertThat(BROWSER.all("#move-form")).isEmpty();
        assertThat(BROWSER.find("#nav").getText()).contains("Structures", "Postings");
    }
}
