package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the pricing method (§9 and §10), reproduced through HTTP: every figure the
 * method lists. Runs on H2 and on PostgreSQL.
 */
abstract class WorkedExamplesContract {

    abstract DropwizardAppExtension<JobPricingConfiguration> app();

    Api api;

    @BeforeEach
    void loadExampleData() {
        api = TestUsers.as(app(), Role.HR_ANALYST);
        assertThat(api.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example1-observations.csv"))
                .json().get("imported").asInt()).isEqualTo(3);
        assertThat(api.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example2-observations.csv"))
                .json().get("imported").asInt()).isEqualTo(3);
        assertThat(api.post("/api/v1/market-data/fx-rates", "text/csv", Api.fixture("example2-fx.csv"))
                .json().get("imported").asInt()).isEqualTo(2);
    }

    @Test
    void workedExample1UsThreeSources() {
        Api.Reply reply = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Software Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "currency": "USD", "asOf": "2026-07-01", "skills": ["Kubernetes", "Java"]}""");

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode q = reply.json();
        assertThat(q.get("asOf").asText()).isEqualTo("2026-07-01");
        assertThat(q.get("currency").asText()).isEqualTo("USD");
        assertObservation(q, "acme-survey-2025", "EXACT", 12, "1.030000", "1.000000", "1.000000");
        assertObservation(q, "postings-q2", "EXACT", 3, "1.007417", "0.948683", "0.569210");
        assertObservation(q, "oews-2025", "BROAD", 14, "1.035087", "1.000000", "0.400000");
        assertMarket(q, "93507.62", "112795.47", "133369.60", "155794.54", "183089.94");
        assertThat(q.get("marketReferencePoint").decimalValue()).isEqualByComparingTo("133369.60");
        assertThat(q.get("premium").decimalValue()).isEqualByComparingTo("0.05");
        assertBand(q, "112000", "140000", "168000", "0.50");
        assertThat(q.get("confidence").get("score").asInt()).isEqualTo(88);
        assertThat(q.get("confidence").get("label").asText()).isEqualTo("HIGH");
        assertThat(q.get("warnings")).isEmpty();
        assertThat(q.get("rulesetVersion").asText()).isEqualTo("v1");
    }

    @Test
    void workedExample2SingaporeMonthlyPostingsFxAndAnExclusion() {
        Api.Reply reply = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Data Analyst", "occupationCode": "2521", "level": "IC2", "country": "SG",
                 "currency": "SGD", "asOf": "2026-07-01", "skills": ["SQL", "machine learning"]}""");

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(reply.text()).as("2 decimals").contains("\"p75\":82849.50", "\"p90\":94687.90");
        JsonNode q = reply.json();
        assertThat(q.get("observations")).hasSize(3);
        JsonNode excluded = observation(q, "mcf-postings");
        assertThat(excluded.get("included").asBoolean()).isFalse();
        assertThat(excluded.get("reason").asText()).isEqualTo("SAMPLE_TOO_SMALL");
        assertObservation(q, "mcf-postings-b", "EXACT", 3, "12.118241", "0.800000", "0.480000");
        assertObservation(q, "regional-survey", "EXACT", 9, "1.390301", "1.000000", "1.000000");
        assertMarket(q, "55961.49", "64349.01", "72736.54", "82849.50", "94687.90");
        assertThat(q.get("premium").decimalValue()).isEqualByComparingTo("0.08");
        assertBand(q, "65500", "78600", "91600", "0.40");
        assertThat(q.get("confidence").get("score").asInt()).isEqualTo(60);
        assertThat(q.get("confidence").get("label").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void aStoredQuoteIsReturnedUnchanged() {
        Api.Reply created = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Software Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-07-01"}""");
        String id = created.json().get("id").asText();

        Api.Reply fetched = api.get("/api/v1/pricing/quotes/" + id);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));
        assertThat(api.get("/api/v1/pricing/quotes/no-such-quote").status()).isEqualTo(404);
    }

    @Test
    void theExplanationNamesTheRulesThatFiredInOrder() {
        JsonNode q = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Data Analyst", "occupationCode": "2521", "level": "IC2", "country": "SG",
                 "asOf": "2026-07-01"}""").json();

        assertThat(q.get("currency").asText()).as("default currency of SG").isEqualTo("SGD");
        java.util.List<String> rules = new java.util.ArrayList<>();
        q.get("explanation").forEach(s -> rules.add(s.get("rule").asText()));
        assertThat(rules).containsSubsequence("Level must be in the level tables", "Normalise observations",
                "Weigh observations", "Blend percentiles", "Keep percentiles ordered", "Market reference point",
                "Skill premium", "Salary band", "Round the band", "Confidence score", "Confidence label");
        assertThat(q.get("explanation").toString())
                .contains("agingRate(SG) unset -> 0.04")
                .contains("mcf-postings excluded: SAMPLE_TOO_SMALL");
    }

    private static JsonNode observation(JsonNode q, String sourceId) {
        for (JsonNode o : q.get("observations")) {
            if (o.get("sourceId").asText().equals(sourceId)) {
                return o;
            }
        }
        throw new AssertionError("no observation " + sourceId + " in " + q.get("observations"));
    }

    private static void assertObservation(JsonNode q, String sourceId, String match, int months,
                                          String factor, String credibility, String weight) {
        JsonNode o = observation(q, sourceId);
        assertThat(o.get("match").asText()).isEqualTo(match);
        assertThat(o.get("months").asInt()).isEqualTo(months);
        assertThat(o.get("factor").decimalValue()).isEqualByComparingTo(factor);
        assertThat(o.get("credibility").decimalValue()).isEqualByComparingTo(credibility);
        assertThat(o.get("weight").decimalValue()).isEqualByComparingTo(weight);
        assertThat(o.get("included").asBoolean()).isTrue();
        assertThat(o.get("reason").isNull()).isTrue();
    }

    private static void assertMarket(JsonNode q, String p10, String p25, String p50, String p75, String p90) {
        JsonNode m = q.get("market");
        String[] names = {"p10", "p25", "p50", "p75", "p90"};
        String[] expected = {p10, p25, p50, p75, p90};
        for (int i = 0; i < names.length; i++) {
            assertThat(m.get(names[i]).decimalValue()).as(names[i]).isEqualByComparingTo(expected[i]);
        }
    }

    private static void assertBand(JsonNode q, String min, String mid, String max, String spread) {
        JsonNode b = q.get("band");
        assertThat(b.get("min").decimalValue()).isEqualByComparingTo(min);
        assertThat(b.get("mid").decimalValue()).isEqualByComparingTo(mid);
        assertThat(b.get("max").decimalValue()).isEqualByComparingTo(max);
        assertThat(b.get("spread").decimalValue()).isEqualByComparingTo(spread);
    }
}
