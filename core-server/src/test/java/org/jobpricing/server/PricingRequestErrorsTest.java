package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is a 4xx in the one error shape, naming the field; never a 500. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PricingRequestErrorsTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.appWithoutStartupRefresh(TestDatabases.h2());

    Api api;

    @BeforeEach
    void client() {
        api = TestUsers.as(APP, Role.HR_ANALYST);
    }

    private static void assertError(Api.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = reply.json();
        assertThat(body.get("code").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("details").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing title       | {"occupationCode":"15-1252","level":"IC3","country":"US"}                              | title
            blank title         | {"title":"  ","occupationCode":"15-1252","level":"IC3","country":"US"}                 | title
            missing level       | {"title":"Dev","occupationCode":"15-1252","country":"US"}                              | level
            bad country         | {"title":"Dev","occupationCode":"15-1252","level":"IC3","country":"XX"}                | country
            missing country     | {"title":"Dev","occupationCode":"15-1252","level":"IC3"}                               | country
            bad currency        | {"title":"Dev","occupationCode":"15-1252","level":"IC3","country":"US","currency":"ZZZ"} | currency
            bad skill           | {"title":"Dev","occupationCode":"15-1252","level":"IC3","country":"US","skills":[""]}  | skills[0]
            """)
    void invalidFieldsAreNamed(String name, String body, String field) {
        Api.Reply reply = api.postJson("/api/v1/pricing/quotes", body);

        assertError(reply, 400, "INVALID_REQUEST");
        assertThat(reply.json().get("details"))
                .extracting(d -> d.get("field").asText())
                .contains(field);
    }

    @Test
    void anUnknownLevelIsA400NamingTheLevel() {
        Api.Reply reply = api.postJson(
                "/api/v1/pricing/quotes",
                "{\"title\":\"Dev\",\"occupationCode\":\"15-1252\",\"level\":\"IC9\",\"country\":\"US\"}");

        assertError(reply, 400, "UNKNOWN_LEVEL");
        assertThat(reply.json().get("details").get(0).get("field").asText()).isEqualTo("level");
        assertThat(reply.json().get("message").asText()).contains("IC9");
    }

    @Test
    void malformedJsonIsA400() {
        assertError(api.postJson("/api/v1/pricing/quotes", "{\"title\": \"Dev\", "), 400, "MALFORMED_JSON");
        assertError(api.postJson("/api/v1/pricing/quotes", ""), 400, "INVALID_REQUEST");
    }

    @Test
    void aWronglyTypedOrUnknownFieldIsA400NamingIt() {
        Api.Reply date = api.postJson(
                "/api/v1/pricing/quotes",
                "{\"title\":\"Dev\",\"occupationCode\":\"15-1252\",\"level\":\"IC3\",\"country\":\"US\",\"asOf\":\"2026-13-45\"}");
        assertError(date, 400, "INVALID_FIELD");
        assertThat(date.json().get("details").get(0).get("field").asText()).isEqualTo("asOf");

        Api.Reply unknown = api.postJson(
                "/api/v1/pricing/quotes",
                "{\"title\":\"Dev\",\"occupation_code\":\"15-1252\",\"level\":\"IC3\",\"country\":\"US\"}");
        assertError(unknown, 400, "UNKNOWN_FIELD");
        assertThat(unknown.json().get("details").get(0).get("field").asText()).isEqualTo("occupation_code");
    }

    @Test
    void noMarketDataIsA422() {
        Api.Reply reply = api.postJson(
                "/api/v1/pricing/quotes",
                "{\"title\":\"Dev\",\"occupationCode\":\"99-9999\",\"level\":\"IC3\",\"country\":\"US\"}");

        assertError(reply, 422, "INSUFFICIENT_MARKET_DATA");
        assertThat(reply.json().get("message").asText()).contains("99-9999");
    }

    @Test
    void everyObservationExcludedIsA422ListingTheExclusions() {
        api.post(
                "/api/v1/market-data/observations",
                "text/csv",
                "source_id,source_type,occupation_code,level,country,area,currency,period,effective_date,p10,p25,p50,"
                        + "p75,p90,sample_size,org_count\n"
                        + "tiny,SURVEY,33-3333,IC3,US,,USD,ANNUAL,2026-01-01,,,100000,,,4,10\n"
                        + "old,SURVEY,33-3333,IC3,US,,USD,ANNUAL,2020-01-01,,,100000,,,400,10\n"
                        + "euro,SURVEY,33-3333,IC3,US,,EUR,ANNUAL,2026-01-01,,,100000,,,400,10\n");

        Api.Reply reply = api.postJson(
                "/api/v1/pricing/quotes",
                "{\"title\":\"Dev\",\"occupationCode\":\"33-3333\",\"level\":\"IC3\",\"country\":\"US\",\"asOf\":\"2026-07-01\"}");

        assertError(reply, 422, "INSUFFICIENT_MARKET_DATA");
        assertThat(reply.json().get("details"))
                .extracting(
                        d -> d.get("sourceId").asText() + ":" + d.get("reason").asText())
                .containsExactlyInAnyOrder("tiny:SAMPLE_TOO_SMALL", "old:TOO_OLD", "euro:NO_FX_RATE");
    }

    @Test
    void frameworkErrorsUseTheSameShape() {
        assertError(api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertError(api.get("/api/v1/pricing/quotes/unknown-id"), 404, "NOT_FOUND");
        assertError(
                api.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/pricing/quotes"))
                        .DELETE()),
                405,
                "METHOD_NOT_ALLOWED");
        assertError(api.post("/api/v1/pricing/quotes", "text/plain", "hello"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }
}
