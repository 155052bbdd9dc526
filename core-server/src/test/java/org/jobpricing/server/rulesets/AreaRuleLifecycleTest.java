package org.jobpricing.server.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.rules.RuleSetLoader;
import org.jobpricing.server.rules.RuleSource;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An analyst edits one row of the area table and simulates it; a manager publishes it (method §11). */
@ExtendWith(DropwizardExtensionsSupport.class)
class AreaRuleLifecycleTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.appWithoutStartupRefresh(TestDatabases.h2());
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OBSERVATIONS = "source_id,source_type,occupation_code,level,country,area,currency,period,"
            + "effective_date,p10,p25,p50,p75,p90,sample_size,org_count\n"
            + "acme-survey-2026,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2026-07-01,95000,110000,128000,147000,165000,120,40\n";

    static String job(String area) {
        return """
                {"title": "Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-07-01"%s}""".formatted(area == null ? "" : ", \"area\": \"" + area + "\"");
    }

    static JsonNode quote(Api api, String area) {
        Api.Reply reply = api.postJson("/api/v1/pricing/quotes", job(area));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void anEditedAreaRowIsSimulatedByAnAnalystAndPublishedByAManager() throws Exception {
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        Api analyst = TestUsers.as(APP, Role.HR_ANALYST);
        assertThat(manager.post("/api/v1/market-data/observations", "text/csv", OBSERVATIONS)
                        .status())
                .isEqualTo(200);
        // US-WY has index 0.952: P50 = 128000 x 0.952 = 121856
        JsonNode wyoming = quote(analyst, "US-WY");
        assertThat(wyoming.get("market").get("p50").decimalValue()).isEqualByComparingTo("121856.00");
        JsonNode texas = quote(analyst, "US-TX");
        JsonNode nowhere = quote(analyst, null);

        Map<String, String> files = new LinkedHashMap<>();
        for (RuleSource s : RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()))) {
            files.put(s.name(), s.storedText());
        }
        assertThat(files.get("areas.drl.csv")).contains("\nUS-WY,,0.952\n");
        files.put("areas.drl.csv", files.get("areas.drl.csv").replace("\nUS-WY,,0.952\n", "\nUS-WY,,1.000\n"));
        ObjectNode body = JSON.createObjectNode().put("message", "Wyoming at the national level");
        body.set("files", JSON.valueToTree(files));
        Api.Reply created = analyst.postJson("/api/v1/rules/versions", JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        assertThat(created.json().get("codeChanged"))
                .as("a row is a value, not code")
                .isEmpty();

        Api.Reply simulated = analyst.postJson("/api/v1/rules/versions/" + version + "/simulate", "{\"limit\": 10}");
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(200);
        assertThat(simulated.json().get("summary").get("quotes").asInt()).isEqualTo(3);
        assertThat(simulated.json().get("summary").get("moved").asInt()).isEqualTo(1);
        java.util.Map<String, JsonNode> deltas = new java.util.HashMap<>();
        simulated.json().get("quotes").forEach(d -> deltas.put(d.get("quoteId").asText(), d));
        JsonNode moved = deltas.get(wyoming.get("id").asText());
        assertThat(moved).as("the what-if names the quote it moves").isNotNull();
        assertThat(moved.get("before").get("mid").asInt()).isEqualTo(122000);
        assertThat(moved.get("after").get("mid").asInt()).isEqualTo(128000);
        assertThat(deltas.get(texas.get("id").asText()).get("midChange").asInt())
                .isZero();
        assertThat(deltas.get(nowhere.get("id").asText()).get("midChange").asInt())
                .isZero();

        assertThat(analyst.post("/api/v1/rules/versions/" + version + "/publish", null, "")
                        .status())
                .as("analysts cannot publish")
                .isEqualTo(403);
        Api.Reply published = manager.post("/api/v1/rules/versions/" + version + "/publish", null, "");
        assertThat(published.status()).as(published.text()).isEqualTo(200);

        JsonNode after = quote(analyst, "US-WY");
        assertThat(after.get("rulesetVersion").asText()).isEqualTo("v" + version);
        assertThat(after.get("market").get("p50").decimalValue()).isEqualByComparingTo("128000.00");
        assertThat(after.get("band").get("mid").asInt()).isEqualTo(128000);
    }
}
