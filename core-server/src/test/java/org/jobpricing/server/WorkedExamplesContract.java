package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
                        .json()
                        .get("imported")
                        .asInt())
                .isEqualTo(3);
        assertThat(api.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example2-observations.csv"))
                        .json()
                        .get("imported")
                        .asInt())
                .isEqualTo(3);
        assertThat(api.post("/api/v1/market-data/fx-rates", "text/csv", Api.fixture("example2-fx.csv"))
                        .json()
                        .get("imported")
                        .asInt())
                .isEqualTo(2);
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
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith(id));
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
        assertThat(rules)
                .as("rules that change nothing are no steps")
                .doesNotContain(
                        "Level must be in the level tables",
                        "At least one observation must be included",
                        "Keep percentiles ordered");
        assertThat(rules)
                .containsSubsequence(
                        "Normalise observations",
                        "Weigh observations",
                        "Blend percentiles",
                        "Market reference point",
                        "Skill premium",
                        "Salary band",
                        "Round the band",
                        "Confidence score",
                        "Confidence label");
        assertThat(q.get("explanation").toString())
                .contains("agingRate(SG) unset -> 0.04")
                .contains("mcf-postings excluded: SAMPLE_TOO_SMALL");
    }

    @Test
    void everyStepIsDataWithItsFileLineAndNumbersAndNoMessageCarriesBinaryNoise() {
        JsonNode q = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Software Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-07-01", "skills": ["Kubernetes", "Java"]}""").json();

        java.util.regex.Pattern noise = java.util.regex.Pattern.compile("\\d\\.\\d{7,}");
        q.get("explanation").forEach(step -> {
            assertThat(step.get("message").asText())
                    .as(step.get("rule").asText())
                    .doesNotContainPattern(noise);
            assertThat(step.get("message").asText()).isNotEqualTo("no change");
        });
        JsonNode spread = step(q, "Spreads_13");
        assertThat(spread.get("file").asText()).isEqualTo("spreads.drl.csv");
        assertThat(spread.get("line").asInt()).isEqualTo(13);
        assertThat(spread.get("outputs").get("spread").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(spread.get("message").asText()).isEqualTo("spread(IC3) unset -> 0.5");

        JsonNode band = step(q, "Salary band");
        assertThat(band.get("file").asText()).isEqualTo("pricing.drl");
        assertThat(band.get("line").asInt()).isEqualTo(82);
        BigDecimal mrp = band.get("inputs").get("referencePoint").decimalValue();
        BigDecimal premium = band.get("inputs").get("premium").decimalValue();
        BigDecimal mid = band.get("outputs").get("mid").decimalValue();
        assertThat(mrp.setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo(q.get("marketReferencePoint").decimalValue());
        assertThat(mrp.multiply(BigDecimal.ONE.add(premium)).subtract(mid).abs())
                .as("a client can recompute the mid from the step's numbers")
                .isLessThan(new BigDecimal("0.01"));
        assertThat(band.get("message").asText())
                .matches("band \\d+\\.\\d{2} / \\d+\\.\\d{2} / \\d+\\.\\d{2} \\(spread 0\\.5\\)");

        JsonNode rounded = step(q, "Round the band");
        assertThat(rounded.get("outputs").get("min").decimalValue())
                .isEqualByComparingTo(q.get("band").get("min").decimalValue());
        JsonNode parts = q.get("confidence").get("parts");
        assertThat(parts.get("sample").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        BigDecimal score = parts.get("sample")
                .decimalValue()
                .multiply(new BigDecimal("0.4"))
                .add(parts.get("sources").decimalValue().multiply(new BigDecimal("0.3")))
                .add(parts.get("age").decimalValue().multiply(new BigDecimal("0.3")))
                .multiply(BigDecimal.valueOf(100));
        assertThat(score.setScale(0, RoundingMode.HALF_UP).intValue())
                .isEqualTo(q.get("confidence").get("score").asInt());
    }

    private static JsonNode step(JsonNode q, String rule) {
        for (JsonNode s : q.get("explanation")) {
            if (s.get("rule").asText().equals(rule)) {
                return s;
            }
        }
        throw new AssertionError("no step " + rule + " in " + q.get("explanation"));
    }

    private static JsonNode observation(JsonNode q, String sourceId) {
        for (JsonNode o : q.get("observations")) {
            if (o.get("sourceId").asText().equals(sourceId)) {
                return o;
            }
        }
        throw new AssertionError("no observation " + sourceId + " in " + q.get("observations"));
    }

    private static void assertObservation(
            JsonNode q, String sourceId, String match, int months, String factor, String credibility, String weight) {
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
