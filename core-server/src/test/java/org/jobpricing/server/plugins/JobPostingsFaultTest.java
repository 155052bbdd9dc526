package org.jobpricing.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled job-postings connector (real jar) against a local postings API that first fails every
 * request (a 500 storm), then answers 429 with Retry-After once, then serves the page: the storm's run
 * fails whole and stores nothing while pricing keeps answering; the next run honours the wait and
 * stores last month's POSTINGS percentiles.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JobPostingsFaultTest {

    static final AtomicReference<String> MODE = new AtomicReference<>("storm");
    static final AtomicInteger REQUESTS = new AtomicInteger();
    static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    static final HttpServer API = postingsApi();
    static final YearMonth LAST_MONTH = YearMonth.now().minusMonths(1);
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.refreshOnStartup",
            "false",
            "plugins.fetchTimeout",
            "20s",
            "plugins.httpMaxAttempts",
            "4",
            "plugins.httpFirstDelay",
            "300ms",
            "plugins.config.job-postings.baseUrl",
            "http://127.0.0.1:" + API.getAddress().getPort() + "/v1",
            "plugins.config.job-postings.apiKey",
            "postings-key-never-shown",
            "plugins.config.job-postings.lookbackMonths",
            "1");

    static HttpServer postingsApi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/postings", exchange -> {
                REQUESTS.incrementAndGet();
                QUERIES.add(exchange.getRequestURI().getQuery() + " key="
                        + exchange.getRequestHeaders().getFirst("X-API-Key"));
                String mode = MODE.get();
                byte[] body = mode.equals("ok") ? page().getBytes(StandardCharsets.UTF_8) : new byte[0];
                int status = switch (mode) {
                    case "storm" -> 500;
                    case "busy" -> 429;
                    default -> 200;
                };
                if (mode.equals("busy")) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    MODE.set("ok");
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Six senior software engineer postings of last month from five companies: midpoints 100k..150k. */
    static String page() {
        List<String> postings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int low = 90_000 + i * 10_000;
            postings.add("""
                    {"id": "p%d", "title": "Senior Software Engineer", "company": "Company %d", "salaryMin": %d,
                     "salaryMax": %d, "currency": "USD", "period": "ANNUAL", "postedDate": "%s", "location": "US"}""".formatted(i, i % 5, low, low + 20_000, LAST_MONTH.atDay(3 + i)));
        }
        return "{\"postings\": [" + String.join(",", postings) + "], \"nextPage\": null}";
    }

    @AfterAll
    static void stopApi() {
        API.stop(0);
    }

    @Test
    void aStormFailsTheRunWholeWhilePricingAnswersThenA429IsWaitedOutAndTheMonthStored() throws Exception {
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        JsonNode bls = MarketDataJobsTest.runNow(manager, "bls-oews");
        assertThat(bls.get("status").asText()).isEqualTo("OK");

        Api.Reply started = manager.postJson("/api/v1/market-data/jobs", "{\"source\": \"job-postings\"}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        List<Integer> quoteStatuses = new ArrayList<>();
        while (REQUESTS.get() < 4) {
            quoteStatuses.add(manager.postJson("/api/v1/pricing/quotes", """
                    {"title": "Developer", "occupationCode": "15-1252", "level": "IC4", "country": "US",
                     "asOf": "%s"}""".formatted(LocalDate.now()))
                    .status());
        }
        JsonNode storm = MarketDataJobsTest.finished(
                manager, started.json().get(0).get("id").asLong());

        assertThat(quoteStatuses)
                .as("pricing answered throughout the storm")
                .isNotEmpty()
                .containsOnly(201);
        assertThat(storm.get("status").asText()).isEqualTo("FAILED");
        assertThat(storm.at("/problems/0/message").asText())
                .contains("HTTP 500 from http://127.0.0.1:")
                .contains("/v1/postings after 4 attempts")
                .doesNotContain("postings-key-never-shown");
        assertThat(storm.get("rowsOut").asInt()).isZero();
        assertThat(storm.get("cursorAfter").isNull()).as("cursor not moved").isTrue();
        assertThat(manager.get("/api/v1/market-data/observations?occupationCode=15-1252")
                        .json())
                .extracting(o -> o.get("sourceType").asText())
                .doesNotContain("POSTINGS");

        MODE.set("busy");
        int before = REQUESTS.get();
        JsonNode recovered = MarketDataJobsTest.runNow(manager, "job-postings");

        assertThat(recovered.get("status").asText()).as(recovered.toString()).isEqualTo("OK");
        assertThat(REQUESTS.get() - before).as("one 429, then the page").isEqualTo(2);
        assertThat(recovered.get("cursorAfter").asText()).isEqualTo(LAST_MONTH.toString());
        assertThat(QUERIES).allMatch(q -> q.endsWith("key=postings-key-never-shown"));
        JsonNode postings = null;
        for (JsonNode o : manager.get("/api/v1/market-data/observations?occupationCode=15-1252")
                .json()) {
            if (o.get("sourceType").asText().equals("POSTINGS")) {
                postings = o;
            }
        }
        assertThat(postings).as("the month's POSTINGS observation").isNotNull();
        assertThat(postings.get("level").asText()).isEqualTo("IC4");
        assertThat(postings.get("effectiveDate").asText())
                .isEqualTo(LAST_MONTH.atDay(1).toString());
        assertThat(postings.get("p50").asDouble()).isEqualTo(125_000.0);
        assertThat(postings.get("sampleSize").asInt()).isEqualTo(6);
        assertThat(postings.get("orgCount").asInt()).isEqualTo(5);
        Api.Reply quote = manager.postJson("/api/v1/pricing/quotes", """
                {"title": "Developer", "occupationCode": "15-1252", "level": "IC4", "country": "US", "asOf": "%s"}""".formatted(LocalDate.now()));
        assertThat(quote.status()).isEqualTo(201);
        assertThat(quote.text()).contains("job-postings");
    }
}
