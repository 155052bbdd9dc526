package org.jobpricing.plugins.jobpostings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.PluginHttp;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.plugin.api.testkit.SourceTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPostingsSourceTest {

    static final Clock APRIL_15 = clock("2026-04-15T10:00:00Z");

    /** Senior software engineers, February: pays 150000 160000 170000 185000 200000 at 4 companies. */
    static final MarketObservation SENIOR_ENGINEERS_FEB = new MarketObservation(
            "job-postings",
            SourceType.POSTINGS,
            "15-1252",
            "IC4",
            "US",
            null,
            "USD",
            PayPeriod.ANNUAL,
            LocalDate.of(2026, 2, 1),
            154000.0,
            160000.0,
            170000.0,
            185000.0,
            194000.0,
            5,
            4);
    /** Data scientists in New York, March: pays 120000 130000 135000 150000 160000 200000 at 3 companies. */
    static final MarketObservation DATA_SCIENTISTS_NYC_MAR = new MarketObservation(
            "job-postings",
            SourceType.POSTINGS,
            "15-2051",
            "IC3",
            "US",
            "US-NYC",
            "USD",
            PayPeriod.ANNUAL,
            LocalDate.of(2026, 3, 1),
            125000.0,
            131250.0,
            142500.0,
            157500.0,
            180000.0,
            6,
            3);
    /** Data scientists in New York, April: pays 100000 110000 120000 130000 140000 at 2 companies. */
    static final MarketObservation DATA_SCIENTISTS_NYC_APR = new MarketObservation(
            "job-postings",
            SourceType.POSTINGS,
            "15-2051",
            "IC3",
            "US",
            "US-NYC",
            "USD",
            PayPeriod.ANNUAL,
            LocalDate.of(2026, 4, 1),
            104000.0,
            110000.0,
            120000.0,
            130000.0,
            136000.0,
            5,
            2);

    final JobPostingsSource source = new JobPostingsSource();
    final FakePostingsApi api = new FakePostingsApi(3);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        api.close();
    }

    static Clock clock(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** A context on the fake API, 3 months back, a client that records its waits instead of sleeping. */
    PluginContext context(Clock clock, String... extra) {
        Map<String, String> config = new HashMap<>(Map.of("baseUrl", api.baseUrl(), "lookbackMonths", "3"));
        for (int i = 0; i < extra.length; i += 2) {
            config.put(extra[i], extra[i + 1]);
        }
        PluginHttp http = PluginHttp.builder()
                .maxAttempts(3)
                .delays(Duration.ofMillis(10), Duration.ofSeconds(5))
                .sleeper(sleeps::add)
                .clock(clock)
                .build();
        return PluginContext.of("job-postings", config, clock, http);
    }

    SourceTestKit.Run fetch(PluginContext context, String cursor) throws Exception {
        return SourceTestKit.of(source, context).fetch(cursor).assertAllValid();
    }

    @Test
    void aggregatesEveryPageOfTheCompleteMonthsIntoPercentiles() throws Exception {
        SourceTestKit.Run run = fetch(context(APRIL_15), null);

        assertThat(run.valid()).containsExactly(SENIOR_ENGINEERS_FEB, DATA_SCIENTISTS_NYC_MAR);
        assertThat(run.nextCursor()).isEqualTo("2026-03");
        assertThat(api.requests).extracting(FakePostingsApi.Request::page).containsExactly(1, 2, 3);
        assertThat(api.requests)
                .allSatisfy(r -> assertThat(r.query())
                        .containsEntry("from", "2026-01-01")
                        .containsEntry("to", "2026-03-31"));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void countsSkippedUnmappedDuplicateAndOutOfWindowPostingsInOneWarningEach() throws Exception {
        SourceTestKit.Run run = fetch(context(APRIL_15), null);

        assertThat(run.warnings())
                .containsExactly(
                        new Problem(0, "id", "1 duplicate posting(s) ignored (an id already read)"),
                        new Problem(0, "postedDate", "6 posting(s) dated outside 2026-01-01..2026-03-31 ignored"),
                        new Problem(
                                0,
                                null,
                                "7 posting(s) skipped: 1 without pay, 1 with salaryMin above salaryMax, "
                                        + "2 with pay that is not a positive finite number, 1 with an unknown currency, "
                                        + "1 with a period other than ANNUAL, MONTHLY or HOURLY, 1 without id"),
                        new Problem(
                                0,
                                "title",
                                "3 posting(s) with a title the title map does not know were not aggregated, "
                                        + "e.g. 'Barista' (2), 'Chief Happiness Officer' (1); map them in titleMap"),
                        new Problem(
                                0, "minPostings", "1 group(s) with fewer than 5 postings not emitted (3 posting(s))"));
    }

    @Test
    void minPostingsDecidesWhichGroupsAreEmitted() throws Exception {
        SourceTestKit.Run run = fetch(context(APRIL_15, "minPostings", "3"), null);

        assertThat(run.valid())
                .containsExactly(
                        new MarketObservation(
                                "job-postings",
                                SourceType.POSTINGS,
                                "15-2051",
                                "IC1",
                                "GB",
                                null,
                                "GBP",
                                PayPeriod.MONTHLY,
                                LocalDate.of(2026, 1, 1),
                                2560.0,
                                2650.0,
                                2800.0,
                                2950.0,
                                3040.0,
                                3,
                                2),
                        SENIOR_ENGINEERS_FEB,
                        DATA_SCIENTISTS_NYC_MAR);
        assertThat(run.warnings()).extracting(Problem::column).doesNotContain("minPostings");

        SourceTestKit.Run strict = fetch(context(APRIL_15, "minPostings", "6"), null);
        assertThat(strict.valid()).containsExactly(DATA_SCIENTISTS_NYC_MAR);
        assertThat(strict.warnings())
                .contains(new Problem(
                        0, "minPostings", "2 group(s) with fewer than 6 postings not emitted (8 posting(s))"));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() throws Exception {
        api.thenReply(429, Map.of("Retry-After", "1"), "{\"error\": \"slow down\"}");

        SourceTestKit.Run run = fetch(context(APRIL_15), null);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(api.requests).extracting(FakePostingsApi.Request::page).containsExactly(1, 1, 2, 3);
        assertThat(run.valid()).containsExactly(SENIOR_ENGINEERS_FEB, DATA_SCIENTISTS_NYC_MAR);
        assertThat(run.nextCursor()).isEqualTo("2026-03");
    }

    @Test
    void a500StormFailsTheWholeFetchNamingTheStatus() {
        api.failPage(2, 500);

        assertThatThrownBy(() -> source.fetch(context(APRIL_15), null))
                .isInstanceOf(PluginHttp.StatusException.class)
                .hasMessage("HTTP 500 from " + api.baseUrl() + "/postings after 3 attempts");
        assertThat(api.requests).extracting(FakePostingsApi.Request::page).containsExactly(1, 2, 2, 2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void theCursorMakesEachCompleteMonthComeOnce() throws Exception {
        String cursor = fetch(context(APRIL_15), null).nextCursor();
        api.requests.clear();

        SourceTestKit.Run again = fetch(context(APRIL_15), cursor);
        assertThat(again.valid()).isEmpty();
        assertThat(again.nextCursor()).isEqualTo("2026-03");
        assertThat(api.requests).as("no month completed, so nothing is asked").isEmpty();

        SourceTestKit.Run may = fetch(context(clock("2026-05-02T08:00:00Z")), cursor);
        assertThat(may.valid()).containsExactly(DATA_SCIENTISTS_NYC_APR);
        assertThat(may.nextCursor()).isEqualTo("2026-04");
        assertThat(api.requests)
                .allSatisfy(r -> assertThat(r.query())
                        .containsEntry("from", "2026-04-01")
                        .containsEntry("to", "2026-04-30"));
    }

    @Test
    void anOldCursorReadsNoFurtherBackThanLookbackMonthsAndABadOneFails() throws Exception {
        SourceTestKit.Run run = fetch(context(APRIL_15), "2019-07");

        assertThat(run.valid()).containsExactly(SENIOR_ENGINEERS_FEB, DATA_SCIENTISTS_NYC_MAR);
        assertThat(api.requests.get(0).query()).containsEntry("from", "2026-01-01");
        assertThatThrownBy(() -> source.fetch(context(APRIL_15), "last week"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the cursor 'last week' is not a month YYYY-MM");
    }

    @Test
    void theApiKeyTravelsInAHeaderAndNeverInAMessage() throws Exception {
        String key = "k-7Hq2-not-for-logs";
        fetch(context(APRIL_15, "apiKey", key), null);
        assertThat(api.requests)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.apiKey()).isEqualTo(key));
        assertThat(api.requests).allSatisfy(r -> assertThat(r.query().values()).doesNotContain(key));

        api.failPage(1, 401);
        assertThatThrownBy(() -> source.fetch(context(APRIL_15, "apiKey", key), null))
                .isInstanceOf(PluginHttp.StatusException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(key);
        CheckResult check = source.check(context(APRIL_15, "apiKey", key));
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("HTTP 401").doesNotContain(key);
        assertThatThrownBy(() -> source.fetch(context(APRIL_15, "apiKey", key, "minPostings", "0"), null))
                .hasMessageContaining("minPostings")
                .hasMessageNotContaining(key);
    }

    @Test
    void withoutAKeyNoKeyHeaderIsSent() throws Exception {
        fetch(context(APRIL_15), null);

        assertThat(api.requests).extracting(FakePostingsApi.Request::apiKey).containsOnlyNulls();
    }

    @Test
    void checkReadsPageOneOfTheCurrentMonth() throws Exception {
        CheckResult check = source.check(context(APRIL_15));

        assertThat(check).isEqualTo(CheckResult.ok("reachable, 13 postings on page 1"));
        assertThat(api.requests)
                .singleElement()
                .satisfies(r -> assertThat(r.query())
                        .containsEntry("from", "2026-04-01")
                        .containsEntry("to", "2026-04-15")
                        .containsEntry("page", "1"));
    }

    @Test
    void checkReportsConfigurationProblemsWithoutCallingTheApi() throws Exception {
        CheckResult check = source.check(
                context(APRIL_15, "baseUrl", "ftp://example.org", "minPostings", "0", "lookbackMonths", "twelve"));

        assertThat(check.ok()).isFalse();
        assertThat(check.problems())
                .extracting(Problem::column)
                .containsExactlyInAnyOrder("baseUrl", "lookbackMonths", "minPostings");
        assertThat(api.requests).isEmpty();
    }

    @Test
    void checkReportsAnUnreachableApi() throws Exception {
        api.failPage(1, 503);

        CheckResult check = source.check(context(APRIL_15));

        assertThat(check)
                .isEqualTo(CheckResult.failed(
                        "not readable: HTTP 503 from " + api.baseUrl() + "/postings after 3 attempts"));
    }

    @Test
    void aTitleMapFileAddsTitles(@TempDir Path dir) throws Exception {
        Path map = dir.resolve("titles.csv");
        Files.writeString(map, "pattern,occupation_code,level\nbarista,35-3023,IC1\n");

        SourceTestKit.Run run = fetch(context(APRIL_15, "titleMap", map.toString(), "minPostings", "1"), null);

        assertThat(run.valid())
                .filteredOn(o -> o.occupationCode().equals("35-3023"))
                .extracting(MarketObservation::level, MarketObservation::effectiveDate, MarketObservation::p50)
                .containsExactly(
                        tuple("IC1", LocalDate.of(2026, 2, 1), 32000.0),
                        tuple("IC1", LocalDate.of(2026, 3, 1), 32000.0));
        assertThat(run.warnings())
                .filteredOn(w -> "title".equals(w.column()))
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .startsWith("1 posting(s)")
                .contains("'Chief Happiness Officer' (1)");
    }

    @Test
    void withoutABaseUrlThereIsNothingToReadAndTheCursorIsKept() throws Exception {
        FetchResult result = source.fetch(PluginContext.of("job-postings", Map.of(), APRIL_15), "2026-02");

        assertThat(result.observations()).isEmpty();
        assertThat(result.warnings()).containsExactly(new Problem(0, "baseUrl", "not configured; nothing to read"));
        assertThat(result.nextCursor()).isEqualTo("2026-02");
    }

    @Test
    void aPageThatIsNotAPostingsPageFailsTheFetch() {
        api.thenReply(200, Map.of(), "{\"items\": []}");

        assertThatThrownBy(() -> source.fetch(context(APRIL_15), null))
                .isInstanceOf(IOException.class)
                .hasMessage("page 1 of 2026-01-01..2026-03-31 is not a postings page; expected "
                        + "{\"postings\": [...], \"nextPage\": N or null}");
    }

    @Test
    void anApiThatPagesInALoopIsStopped() {
        api.thenReply(200, Map.of(), "{\"postings\": [], \"nextPage\": 2}");
        api.thenReply(200, Map.of(), "{\"postings\": [], \"nextPage\": 1}");

        assertThatThrownBy(() -> source.fetch(context(APRIL_15), null))
                .isInstanceOf(IOException.class)
                .hasMessage("the postings API sent nextPage 1, a page already read");
    }
}
