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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CSV imports are atomic, name every bad row, and replace rows with the same key. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MarketDataImportTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.appWithoutStartupRefresh(TestDatabases.postgres());
    static final String HEADER = "source_id,source_type,occupation_code,level,country,area,currency,period,"
            + "effective_date,p10,p25,p50,p75,p90,sample_size,org_count\n";

    Api api;

    @BeforeEach
    void client() {
        api = TestUsers.as(APP, Role.HR_ANALYST);
    }

    private int stored(String occupation) {
        return api.get("/api/v1/market-data/observations?occupationCode=" + occupation)
                .json()
                .size();
    }

    @Test
    void oneBadRowAmongGoodOnesImportsNothingAndNamesEveryBadLine() {
        Api.Reply reply = api.post(
                "/api/v1/market-data/observations",
                "text/csv",
                HEADER
                        + "s1,SURVEY,11-1111,IC3,US,,USD,ANNUAL,2025-07-01,,,100000,,,50,10\n"
                        + "s1,SURVEY,11-1111,IC4,US,,USD,ANNUAL,2025-07-01,,,abc,,,50,10\n"
                        + "s1,SURVEY,11-1111,IC5,US,,USD,ANNUAL,2025-07-01,,,100000,,,50,10\n"
                        + "s1,SURVY,11-1111,IC6,XX,,USD,ANNUAL,2025-07-01,90000,80000,100000,,,0,10\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("INVALID_CSV");
        JsonNode details = reply.json().get("details");
        assertThat(details.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(details.get(0).get("column").asText()).isEqualTo("p50");
        assertThat(details.get(0).get("message").asText()).contains("'abc' is not a number");
        assertThat(details).extracting(d -> d.get("line").asInt()).containsOnly(3, 5);
        assertThat(details).extracting(d -> d.get("column").asText()).contains("source_type");
        assertThat(stored("11-1111")).isZero();
    }

    @Test
    void semanticProblemsAreReportedPerColumn() {
        Api.Reply reply = api.post(
                "/api/v1/market-data/observations",
                "text/csv",
                HEADER + "s2,SURVEY,11-2222,IC3,XX,,ABC,ANNUAL,2025-07-01,90000,80000,100000,,,0,\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details"))
                .extracting(d -> d.get("column").asText())
                .contains("country", "currency", "p25", "sample_size");
        assertThat(stored("11-2222")).isZero();
    }

    @Test
    void reimportingARowWithTheSameKeyReplacesIt() {
        String row = "s3,SURVEY,11-3333,IC3,US,US-NYC,USD,ANNUAL,2025-07-01,,,%s,,,50,10\n";
        assertThat(api.post(
                                "/api/v1/market-data/observations",
                                "text/csv",
                                HEADER + row.formatted("100000")
                                        + "s3,SURVEY,11-3333,,US,,USD,ANNUAL,2025-07-01,,,90000,,,50,10\n")
                        .json()
                        .get("imported")
                        .asInt())
                .isEqualTo(2);

        Api.Reply again = api.post("/api/v1/market-data/observations", "text/csv", HEADER + row.formatted("120000"));

        assertThat(again.json().get("imported").asInt()).isEqualTo(1);
        JsonNode rows = api.get("/api/v1/market-data/observations?occupationCode=11-3333&country=US")
                .json();
        assertThat(rows).hasSize(2);
        assertThat(rows)
                .extracting(r -> r.get("p50").decimalValue().intValue())
                .containsExactlyInAnyOrder(120000, 90000);
    }

    @Test
    void duplicateKeysInsideOneFileAreRejected() {
        String row = "s4,SURVEY,11-4444,IC3,US,,USD,ANNUAL,2025-07-01,,,100000,,,50,10\n";

        Api.Reply reply = api.post("/api/v1/market-data/observations", "text/csv", HEADER + row + row);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(reply.json().get("details").get(0).get("message").asText()).contains("as line 2");
        assertThat(stored("11-4444")).isZero();
    }

    @Test
    void aWrongHeaderOrAnEmptyBodyIsA400() {
        Api.Reply header = api.post("/api/v1/market-data/observations", "text/csv", "a,b,c\n1,2,3\n");
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().get("details").get(0).get("message").asText()).contains("header must be exactly");

        Api.Reply empty = api.post("/api/v1/market-data/observations", "text/csv", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("error").asText()).isEqualTo("INVALID_REQUEST");

        Api.Reply json = api.post("/api/v1/market-data/observations", "application/json", "{}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("error").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void fxRatesAreValidatedAndAtomic() {
        Api.Reply bad = api.post(
                "/api/v1/market-data/fx-rates",
                "text/csv",
                "date,from,to,rate\n2026-01-02,USD,EUR,0.9\n2026-13-01,USD,XXX,-1\n2026-01-02,EUR,EUR,1\n");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details"))
                .extracting(d -> d.get("line").asInt() + ":" + d.get("column").asText())
                .containsExactly("3:date", "3:to", "3:rate", "4:to");

        Api.Reply duplicate = api.post(
                "/api/v1/market-data/fx-rates",
                "text/csv",
                "date,from,to,rate\n2026-01-02,USD,EUR,0.9\n2026-01-02,USD,EUR,0.91\n");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("details").get(0).get("message").asText())
                .contains("line 2");

        Api.Reply good = api.post(
                "/api/v1/market-data/fx-rates",
                "text/csv",
                "date,from,to,rate\n2026-01-02,USD,EUR,0.9\n2026-02-02,USD,EUR,0.91\n");
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().get("imported").asInt()).isEqualTo(2);
    }
}
