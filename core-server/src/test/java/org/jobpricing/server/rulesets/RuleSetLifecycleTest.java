package org.jobpricing.server.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.rules.RuleSetLoader;
import org.jobpricing.server.rules.RuleSource;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Draft → validate → test → publish → roll back, over HTTP, with diffs and what-if runs. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RuleSetLifecycleTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.appWithoutStartupRefresh(TestDatabases.h2());
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JOB = """
            {"title": "Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "asOf": "2026-07-01"}""";

    Api manager;

    @BeforeEach
    void data() {
        manager = TestUsers.as(APP, Role.HR_MANAGER);
        manager.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example1-observations.csv"));
    }

    static Map<String, String> defaultFiles() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (RuleSource s : RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()))) {
            files.put(s.name(), s.storedText());
        }
        return files;
    }

    static String upload(String message, Map<String, String> files) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("message", message);
        body.set("files", JSON.valueToTree(files));
        return JSON.writeValueAsString(body);
    }

    static Map<String, String> withSpread(String value) throws Exception {
        Map<String, String> files = defaultFiles();
        files.put("spreads.drl.csv", files.get("spreads.drl.csv").replace("IC3,0.50", "IC3," + value));
        return files;
    }

    JsonNode band() {
        Api.Reply quote = manager.postJson("/api/v1/pricing/quotes", JOB);
        assertThat(quote.status()).as(quote.text()).isEqualTo(201);
        return quote.json();
    }

    @Test
    void aSyntaxErrorAndASemanticErrorAre400sWithFileAndLineAndChangeNothing() throws Exception {
        JsonNode before = band();
        Map<String, String> syntax = defaultFiles();
        syntax.put("pricing.drl", syntax.get("pricing.drl").replace("$r.blend();", "$r.blend(;"));
        Map<String, String> semantic = withSpread("-0.1");

        // pricing.drl is code: only an admin (rules:code) may store a change of it
        Api admin = TestUsers.admin(APP);
        for (Map<String, String> files : java.util.List.of(syntax, semantic)) {
            for (String path : new String[] {"/api/v1/rules/validate", "/api/v1/rules/versions"}) {
                Api.Reply reply = (files == syntax ? admin : manager).postJson(path, upload("bad", files));
                assertThat(reply.status()).as(path + " " + reply.text()).isEqualTo(400);
                assertThat(reply.json().get("error").asText()).isEqualTo("RULESET_INVALID");
                JsonNode problem = reply.json().get("details").get(0);
                assertThat(problem.get("file").asText()).isIn("pricing.drl", "spreads.drl.csv");
                assertThat(problem.get("line").asInt()).isPositive();
            }
        }
        Map<String, String> corrupt = defaultFiles();
        corrupt.put("premiums.drl.xlsx", java.util.Base64.getEncoder().encodeToString("not a workbook".getBytes()));
        Api.Reply unreadable = manager.postJson("/api/v1/rules/validate", upload("bad", corrupt));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("details").get(0).get("file").asText()).isEqualTo("premiums.drl.xlsx");

        JsonNode semanticProblem = manager.postJson("/api/v1/rules/validate", upload("bad", semantic))
                .json()
                .get("details")
                .get(0);
        assertThat(semanticProblem.get("line").asInt()).isEqualTo(13);

        JsonNode after = band();
        assertThat(after.get("band")).isEqualTo(before.get("band"));
        assertThat(after.get("rulesetVersion").asText())
                .isEqualTo(before.get("rulesetVersion").asText());
        assertThat(manager.get("/api/v1/rules/versions").json())
                .extracting(v -> v.get("message").asText())
                .doesNotContain("bad");
    }

    @Test
    void publishThenRollBackRestoresTheBandsExactlyAndEveryStepIsAudited() throws Exception {
        JsonNode before = band();
        String activeBefore = before.get("rulesetVersion").asText();

        Api.Reply created = manager.postJson("/api/v1/rules/versions", upload("wider IC3 band", withSpread("0.80")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        assertThat(created.json().get("active").asBoolean()).isFalse();
        assertThat(band().get("band")).as("a draft changes nothing").isEqualTo(before.get("band"));

        Api.Reply tested = manager.post("/api/v1/rules/versions/" + version + "/test", null, "");
        assertThat(tested.json().get("failed").asInt())
                .as("the draft breaks the IC3 scenarios")
                .isPositive();
        assertThat(tested.json().get("results").toString()).contains("band.max");

        Api.Reply diff = manager.get("/api/v1/rules/versions/" + activeBefore.substring(1) + "/diff/" + version);
        JsonNode file = diff.json().get("files").get(0);
        assertThat(file.get("file").asText()).isEqualTo("spreads.drl.csv");
        JsonNode row = file.get("rows").get(0);
        assertThat(row.get("change").asText()).isEqualTo("CHANGED");
        assertThat(row.get("conditions").get(0).asText()).isEqualTo("IC3");
        assertThat(row.get("before").get("Spread").asText()).isEqualTo("0.50");
        assertThat(row.get("after").get("Spread").asText()).isEqualTo("0.80");

        Api.Reply simulated = manager.postJson("/api/v1/rules/versions/" + version + "/simulate", "{\"limit\": 10}");
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(200);
        JsonNode summary = simulated.json().get("summary");
        assertThat(summary.get("quotes").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(summary.get("moved").asInt()).isEqualTo(summary.get("quotes").asInt());
        assertThat(simulated.json().get("byLevel").get("IC3").get("moved").asInt())
                .isEqualTo(summary.get("moved").asInt());
        JsonNode delta = simulated.json().get("quotes").get(0);
        // MRP 133369.60, no premium: spread 0.5 → 106500 / 133500 / 160000, spread 0.8 → 95500 / 133500 / 171500
        assertThat(delta.get("before").get("min").asInt()).isEqualTo(106500);
        assertThat(delta.get("before").get("max").asInt()).isEqualTo(160000);
        assertThat(delta.get("after").get("min").asInt()).isEqualTo(95500);
        assertThat(delta.get("after").get("max").asInt()).isEqualTo(171500);
        assertThat(delta.get("midChange").asInt()).isZero();

        assertThat(TestUsers.as(APP, Role.HR_ANALYST)
                        .post("/api/v1/rules/versions/" + version + "/publish", null, "")
                        .status())
                .as("analysts cannot publish")
                .isEqualTo(403);
        Api.Reply refused = manager.post("/api/v1/rules/versions/" + version + "/publish", null, "");
        assertThat(refused.status()).as("failing scenarios hold a publish back").isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("SCENARIOS_FAILING");
        assertThat(refused.json().get("details").toString()).contains("worked-examples.yaml", "band.max");
        assertThat(band().get("rulesetVersion").asText()).isEqualTo(activeBefore);
        assertThat(manager.post("/api/v1/rules/versions/" + version + "/publish?acceptFailingScenarios=true", null, "")
                        .status())
                .isEqualTo(200);
        JsonNode published = band();
        assertThat(published.get("rulesetVersion").asText()).isEqualTo("v" + version);
        assertThat(published.get("band").get("min").asInt()).isEqualTo(95500);
        assertThat(published.get("band").get("max").asInt()).isEqualTo(171500);

        Api.Reply rolledBack =
                manager.post("/api/v1/rules/versions/" + activeBefore.substring(1) + "/rollback", null, "");
        assertThat(rolledBack.status()).as(rolledBack.text()).isEqualTo(200);
        JsonNode restored = band();
        assertThat(restored.get("band")).isEqualTo(before.get("band"));
        assertThat(restored.get("market")).isEqualTo(before.get("market"));
        assertThat(restored.get("rulesetVersion").asText()).isEqualTo(activeBefore);

        JsonNode audit =
                TestUsers.admin(APP).get("/api/v1/audit?actor=hr-manager-user").json();
        assertThat(audit)
                .extracting(e -> e.get("action").asText())
                .contains("rules.version.create", "rules.publish", "rules.rollback");
    }

    @Test
    void aZipOfTheRulesFolderIsAcceptedAndVersionsAreListed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : withSpread("0.55").entrySet()) {
                zip.putNextEntry(new ZipEntry("rules/" + f.getKey()));
                zip.write(RuleSource.fromStored(f.getKey(), f.getValue()).content());
                zip.closeEntry();
            }
        }
        Api.Reply reply = manager.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/rules/versions?message=zip%20upload"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        int version = reply.json().get("version").asInt();
        JsonNode stored = manager.get("/api/v1/rules/versions/v" + version).json();
        assertThat(stored.get("message").asText()).isEqualTo("zip upload");
        assertThat(stored.get("files").get("spreads.drl.csv").asText()).contains("IC3,0.55");
        assertThat(stored.get("files").has("tests/worked-examples.yaml")).isTrue();
        assertThat(stored.get("files").get("premiums.drl.xlsx").asText())
                .as("spreadsheets come back as base64")
                .isEqualTo(defaultFiles().get("premiums.drl.xlsx"));
        assertThat(stored.get("parent").asInt()).isEqualTo(1);
        assertThat(manager.get("/api/v1/rules/versions")
                        .json()
                        .get(0)
                        .get("version")
                        .asInt())
                .isEqualTo(version);
    }
}
