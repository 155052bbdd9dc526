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

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(TestDatabases.h2());

    @Test
    void pricesSoftwareDevelopersFromTheBundledBlsFile() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

        Api.Reply reply = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Software Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-05-01"}""");

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode q = reply.json();
        assertThat(q.get("market").get("p50").decimalValue()).isEqualByComparingTo("140059.40");
        assertThat(q.get("band").get("min").decimalValue()).isEqualByComparingTo("112000");
        assertThat(q.get("band").get("mid").decimalValue()).isEqualByComparingTo("140000");
        assertThat(q.get("band").get("max").decimalValue()).isEqualByComparingTo("168000");
        assertThat(q.get("observations")).singleElement().satisfies(o -> {
            assertThat(o.get("sourceId").asText()).isEqualTo("bls-oews-2025");
            assertThat(o.get("sourceType").asText()).isEqualTo("GOVERNMENT");
            assertThat(o.get("match").asText()).isEqualTo("BROAD");
            assertThat(o.get("months").asInt()).isEqualTo(12);
        });
        assertThat(q.get("confidence").get("score").asInt()).isEqualTo(65);
        assertThat(q.get("confidence").get("label").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void theBundledObservationsAreListedWithTheirOrigin() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

        Api.Reply reply = api.get("/api/v1/market-data/observations?occupationCode=15-1252&country=us");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).singleElement().satisfies(o -> {
            assertThat(o.get("p50").decimalValue()).isEqualByComparingTo("135980");
            assertThat(o.get("sampleSize").asInt()).isEqualTo(1687890);
            assertThat(o.get("origin").asText()).isEqualTo("plugin:bls-oews");
            assertThat(o.get("effectiveDate").asText()).isEqualTo("2025-05-01");
            assertThat(o.get("level").isNull()).isTrue();
        });
    }

    @Test
    void refreshReloadsEveryPluginSourceAndReportsEach() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

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
        assertThat(bls.get("imported").asInt()).isGreaterThan(250);
        assertThat(bls.get("rejected").asInt()).isZero();
        assertThat(survey.get("plugin").asText()).isEqualTo("survey-csv");
        assertThat(survey.get("status").asText())
                .as("an absent survey folder is a warning, not a failure")
                .isEqualTo("OK");
        assertThat(survey.get("imported").asInt()).isZero();
        assertThat(survey.get("problems").get(0).get("message").asText()).contains("does not exist");
        int stored = api.get("/api/v1/market-data/observations?occupationCode=15-1252&country=US")
                .json()
                .size();
        assertThat(stored)
                .as("a refresh replaces rows with the same key, it does not duplicate them")
                .isEqualTo(1);
    }
}
