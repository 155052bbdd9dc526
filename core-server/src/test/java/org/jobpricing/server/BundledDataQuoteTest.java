package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A newcomer's first quote: a fresh database, the plugin jars loaded by PF4J from the plugins
 * directory, and only the bundled BLS data, loaded at startup.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BundledDataQuoteTest {

    // every BLS row: the job is priced by its metro, its state and the nation
    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.app(TestDatabases.h2(), "plugins.config.bls-oews.areas", "all");

    static JsonNode quote(Api api, String area) {
        Api.Reply reply = api.postJson(
                "/api/v1/pricing/quotes", """
                {"title": "Software Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-05-01"%s}""".formatted(area == null ? "" : ", \"area\": \"" + area + "\""));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    static void assertBand(JsonNode q, String min, String mid, String max) {
        assertThat(q.get("band").get("min").decimalValue()).isEqualByComparingTo(min);
        assertThat(q.get("band").get("mid").decimalValue()).isEqualByComparingTo(mid);
        assertThat(q.get("band").get("max").decimalValue()).isEqualByComparingTo(max);
    }

    /** The candidate of {@code area} (null: the nation) dated {@code date}. */
    static JsonNode observation(JsonNode q, String area, String date) {
        for (JsonNode o : q.get("observations")) {
            if (o.get("area").asText(null) == null
                    ? area == null
                    : o.get("area").asText().equals(area)) {
                if (o.get("effectiveDate").asText().equals(date)) {
                    return o;
                }
            }
        }
        throw new AssertionError("no observation " + area + " " + date + " in " + q.get("observations"));
    }

    @Test
    void pricesSoftwareDevelopersFromTheBundledBlsFile() {
        JsonNode q = quote(TestUsers.as(APP, Role.HR_MANAGER), null);

        assertThat(q.get("market").get("p50").decimalValue()).isEqualByComparingTo("140059.40");
        assertBand(q, "112000", "140000", "168000");
        // a job without an area sees the national rows only: the 2025 one is used, 2024 is SUPERSEDED
        assertThat(q.get("observations")).hasSize(2);
        JsonNode used = observation(q, null, "2025-05-01");
        assertThat(used.get("sourceId").asText()).isEqualTo("bls-oews");
        assertThat(used.get("sourceType").asText()).isEqualTo("GOVERNMENT");
        assertThat(used.get("match").asText()).isEqualTo("BROAD");
        assertThat(used.get("areaMatch").asText()).isEqualTo("COUNTRY");
        assertThat(used.get("months").asInt()).isEqualTo(12);
        assertThat(used.get("included").asBoolean()).isTrue();
        assertThat(observation(q, null, "2024-05-01").get("reason").asText()).isEqualTo("SUPERSEDED");
        assertThat(q.get("confidence").get("score").asInt()).isEqualTo(65);
        assertThat(q.get("confidence").get("label").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void workedExample3SanFranciscoIsPricedFromItsMetroRowAndSaysWhyTheOthersAreNot() {
        JsonNode q = quote(TestUsers.as(APP, Role.HR_MANAGER), "US-41860");

        assertThat(q.get("market").get("p10").decimalValue()).isEqualByComparingTo("135943.73");
        assertThat(q.get("market").get("p25").decimalValue()).isEqualByComparingTo("169807.65");
        assertThat(q.get("market").get("p50").decimalValue()).isEqualByComparingTo("185562.02");
        assertThat(q.get("market").get("p75").decimalValue()).isEqualByComparingTo("226417.28");
        assertThat(q.get("market").get("p90").isNull()).isTrue();
        assertBand(q, "148500", "185500", "222500");
        assertThat(q.get("confidence").get("score").asInt()).isEqualTo(20);
        assertThat(q.get("confidence").get("label").asText()).isEqualTo("LOW");
        assertThat(q.get("observations")).hasSize(5);
        JsonNode metro = observation(q, "US-41860", "2024-05-01");
        assertThat(metro.get("areaMatch").asText()).isEqualTo("AREA");
        assertThat(metro.get("included").asBoolean()).isTrue();
        assertThat(metro.get("months").asInt()).isEqualTo(24);
        assertThat(metro.get("factor").decimalValue()).isEqualByComparingTo("1.0609");
        for (String[] other : new String[][] {
            {"US-CA", "2025-05-01", "REGION"}, {"US-CA", "2024-05-01", "REGION"},
            {null, "2025-05-01", "COUNTRY"}, {null, "2024-05-01", "COUNTRY"}
        }) {
            JsonNode o = observation(q, other[0], other[1]);
            assertThat(o.get("included").asBoolean()).isFalse();
            assertThat(o.get("reason").asText()).isEqualTo("LESS_SPECIFIC_AREA");
            assertThat(o.get("areaMatch").asText()).isEqualTo(other[2]);
        }
        // the explanation says which figure was kept and why the others were not
        java.util.List<String> messages = new java.util.ArrayList<>();
        q.get("explanation").forEach(s -> messages.add(s.get("message").asText()));
        assertThat(String.join("\n", messages))
                .contains(
                        "bls-oews US-CA 2025-05-01 excluded: LESS_SPECIFIC_AREA, bls-oews US-41860 2024-05-01 (AREA) is kept")
                .contains(
                        "bls-oews 2024-05-01 excluded: LESS_SPECIFIC_AREA, bls-oews US-41860 2024-05-01 (AREA) is kept")
                .contains("areaIndex(US-41860) unset -> 1.325")
                .contains("region(US-41860) -> US-CA");
        assertThat(q.get("warnings")).isEmpty();
    }

    @Test
    void theSameJobInCaliforniaUsesTheNewestStateRow() {
        JsonNode q = quote(TestUsers.as(APP, Role.HR_MANAGER), "US-CA");

        assertThat(q.get("market").get("p50").decimalValue()).isEqualByComparingTo("179642.30");
        assertBand(q, "143500", "179500", "215500");
        assertThat(observation(q, "US-CA", "2025-05-01").get("included").asBoolean())
                .isTrue();
        assertThat(observation(q, "US-CA", "2024-05-01").get("reason").asText()).isEqualTo("SUPERSEDED");
        assertThat(observation(q, null, "2025-05-01").get("reason").asText()).isEqualTo("LESS_SPECIFIC_AREA");
    }

    @Test
    void anAreaMissingFromTheTableStillPricesWithIndexOneAndAWarning() {
        JsonNode q = quote(TestUsers.as(APP, Role.HR_MANAGER), "US-4186");

        assertThat(q.get("market").get("p50").decimalValue()).isEqualByComparingTo("140059.40");
        assertThat(q.get("warnings").toString()).contains("UNKNOWN_AREA").contains("US-4186");
    }

    @Test
    void theBundledObservationsAreListedWithTheirOrigin() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

        Api.Reply reply = api.get("/api/v1/market-data/observations?occupationCode=15-1252&country=us&limit=1000");

        assertThat(reply.status()).isEqualTo(200);
        // the nation and 51 states + DC + territories, 137 nonmetro areas (two editions), 393 metros (one)
        assertThat(reply.json().size()).isGreaterThan(700);
        JsonNode national = null;
        for (JsonNode o : reply.json()) {
            if (o.get("area").isNull() && o.get("effectiveDate").asText().equals("2025-05-01")) {
                national = o;
            }
        }
        assertThat(national).isNotNull();
        assertThat(national.get("p50").decimalValue()).isEqualByComparingTo("135980");
        assertThat(national.get("sampleSize").asInt()).isEqualTo(1687890);
        assertThat(national.get("origin").asText()).isEqualTo("plugin:bls-oews");
        assertThat(national.get("sourceId").asText()).isEqualTo("bls-oews");
        assertThat(national.get("level").isNull()).isTrue();
    }

    @Test
    void refreshReloadsEveryPluginSourceAndReportsEach() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);
        int storedAtStart = api.get("/api/v1/market-data/observations?occupationCode=15-1252&country=US&limit=1000")
                .json()
                .size();

        Api.Reply reply = api.post("/api/v1/market-data/refresh", null, "");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        java.util.Map<String, JsonNode> bySource = new java.util.HashMap<>();
        reply.json().get("sources").forEach(s -> bySource.put(s.get("source").asText(), s));
        assertThat(bySource).containsOnlyKeys("bls-oews", "survey-csv", "job-postings", "hris-payroll");
        JsonNode bls = bySource.get("bls-oews");
        JsonNode survey = bySource.get("survey-csv");
        assertThat(bySource.get("job-postings").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(bySource.get("job-postings").at("/problems/0/message").asText())
                .isEqualTo("not configured: set plugins.config.job-postings.baseUrl");
        assertThat(bySource.get("hris-payroll").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(bySource.get("hris-payroll").at("/problems/0/message").asText())
                .isEqualTo("not configured: set plugins.config.hris-payroll.file or directory");
        assertThat(bls.get("status").asText()).isEqualTo("OK");
        assertThat(bls.get("imported").asInt())
                .as("the startup refresh loaded the data; unchanged, it is not loaded again")
                .isZero();
        assertThat(bls.get("problems").toString()).contains("unchanged");
        assertThat(bls.get("rejected").asInt()).isZero();
        assertThat(survey.get("plugin").asText()).isEqualTo("survey-csv");
        assertThat(survey.get("status").asText())
                .as("an absent survey folder is a warning, not a failure")
                .isEqualTo("OK");
        assertThat(survey.get("imported").asInt()).isZero();
        assertThat(survey.get("problems").get(0).get("message").asText()).contains("does not exist");
        int stored = api.get("/api/v1/market-data/observations?occupationCode=15-1252&country=US&limit=1000")
                .json()
                .size();
        assertThat(stored).as("a refresh does not duplicate rows").isEqualTo(storedAtStart);
    }
}
