package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Batch pricing: one result line per input line, bad rows answered in place, quotes stored. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BatchPricingTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(TestDatabases.h2());
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "title,occupation_code,level,country,area,currency,as_of,skills\n";

    static List<JsonNode> lines(Api.Reply reply) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : reply.text().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void aCsvBatchPricesGoodRowsAndAnswersBadRowsInPlace() throws Exception {
        Api analyst = TestUsers.as(APP, Role.HR_ANALYST);
        Api.Reply reply = analyst.post(
                "/api/v1/pricing/batch",
                "text/csv",
                HEADER
                        + "Developer,15-1252,IC3,US,,,2026-05-01,\n"
                        + "Developer,15-1252,IC9,US,,,2026-05-01,\n"
                        + "Developer,15-1252,IC3,XX,,,2026-05-01,\n"
                        + "Developer,15-1252,M2,US,,,2026-05-01,Kubernetes;Rust\n"
                        + "Developer,15-1252,IC3,US,,,not-a-date,\n");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        List<JsonNode> lines = lines(reply);
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 5))
                .extracting(l -> l.get("line").asInt() + ":" + l.get("status").asText())
                .containsExactly("2:OK", "3:ERROR", "4:ERROR", "5:OK", "6:ERROR");
        assertThat(lines.get(0).at("/quote/band/mid").asInt()).isEqualTo(140000);
        assertThat(lines.get(1).at("/error/error").asText()).isEqualTo("UNKNOWN_LEVEL");
        assertThat(lines.get(2).at("/error/error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(lines.get(3).at("/quote/premium").decimalValue()).isEqualByComparingTo("0.09");
        assertThat(lines.get(4).at("/error/details/0/field").asText()).isEqualTo("as_of");
        assertThat(lines.get(5).at("/summary/priced").asInt()).isEqualTo(2);
        assertThat(lines.get(5).at("/summary/failed").asInt()).isEqualTo(3);

        String id = lines.get(3).at("/quote/id").asText();
        Api.Reply stored = analyst.get("/api/v1/pricing/quotes/" + id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("level").asText()).isEqualTo("M2");
        assertThat(stored.json().get("explanation")).isNotEmpty();
    }

    @Test
    void jsonInAndCsvOutAcrossSeveralStorageChunks() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 1200; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"title\":\"Dev ")
                    .append(i)
                    .append("\",\"occupationCode\":\"15-1252\",\"level\":\"IC")
                    .append(1 + i % 6)
                    .append("\",\"country\":\"US\",\"asOf\":\"2026-05-01\"}");
        }
        body.append(",{\"title\":\"Broken\",\"level\":7}]");

        Api.Reply reply = TestUsers.as(APP, Role.HR_MANAGER)
                .post("/api/v1/pricing/batch?format=csv", "application/json", body.toString());

        assertThat(reply.status()).isEqualTo(200);
        String[] rows = reply.text().split("\n");
        assertThat(rows[0]).startsWith("line,status,id,occupation_code,level");
        assertThat(rows).hasSize(1 + 1201);
        assertThat(rows[1]).startsWith("1,OK,").contains(",IC1,US,USD,2026-05-01,");
        assertThat(rows[1200]).startsWith("1200,OK,");
        assertThat(rows[1201]).startsWith("1201,ERROR,").contains("INVALID_REQUEST");
    }

    @Test
    void batchQuotesAreCountedInQuotesTotalAndStoreTheRequestTheyPriced() throws Exception {
        double before = quotesTotal();
        Api analyst = TestUsers.as(APP, Role.HR_ANALYST);
        Api.Reply reply = analyst.post("/api/v1/pricing/batch", "application/json", """
                [{"title": "Sr. Software Developer II", "level": "IC3", "country": "US", "asOf": "2026-05-01"},
                 {"title": "Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "asOf": "2026-05-01"},
                 {"title": "Developer", "occupationCode": "15-1252", "level": "IC99", "country": "US"}]""");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<JsonNode> lines = lines(reply);
        assertThat(lines.get(3).at("/summary/priced").asInt()).isEqualTo(2);
        assertThat(quotesTotal()).as("priced batch rows count as quotes").isEqualTo(before + 2);

        String inferred = lines.get(0).at("/quote/id").asText();
        assertThat(lines.get(0).at("/quote/occupationCode").asText()).isEqualTo("15-1252");
        Api.Reply simulated = analyst.postJson("/api/v1/rules/versions/1/simulate", "{\"limit\": 10}");
        JsonNode replay = null;
        for (JsonNode q : simulated.json().get("quotes")) {
            if (q.get("quoteId").asText().equals(inferred)) {
                replay = q;
            }
        }
        assertThat(replay).as("the batch quote is among the last stored").isNotNull();
        assertThat(replay.get("error").isNull()).as(replay.toString()).isTrue();
        assertThat(replay.get("before").toString())
                .isEqualTo(lines.get(0).at("/quote/band").toString());
    }

    static double quotesTotal() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?m)^quotes_total (\\S+)$").matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aWrongHeaderIsA400AndViewersCannotBatch() {
        Api.Reply header = TestUsers.as(APP, Role.HR_ANALYST).post("/api/v1/pricing/batch", "text/csv", "a,b\n1,2\n");
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().get("message").asText()).contains("header must be exactly");

        assertThat(TestUsers.as(APP, Role.VIEWER)
                        .post("/api/v1/pricing/batch", "text/csv", HEADER)
                        .status())
                .isEqualTo(403);
    }
}
