package org.jobpricing.server.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rule uploads tried as an attacker and as an analyst would: code in a DRL file or a cell, a viewer
 * running a draft, one edited table uploaded alone, a version that cannot price, odd names and bodies.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RuleSetSafetyTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.appWithoutStartupRefresh(TestDatabases.h2());
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JOB = RuleSetLifecycleTest.JOB;

    Api manager;
    Api analyst;
    Api admin;
    Api viewer;

    @BeforeEach
    void users() {
        manager = TestUsers.as(APP, Role.HR_MANAGER);
        analyst = TestUsers.as(APP, Role.HR_ANALYST);
        admin = TestUsers.admin(APP);
        viewer = TestUsers.as(APP, Role.VIEWER);
        manager.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example1-observations.csv"));
        // every test starts from v1 live
        admin.post("/api/v1/rules/versions/1/rollback", null, "");
    }

    static String body(Map<String, ?> fields) throws Exception {
        return JSON.writeValueAsString(fields);
    }

    static String probeDrl(Path target) {
        return """
                package org.jobpricing.policy.probe
                import org.jobpricing.rules.facts.PricingResult;
                rule "probe"
                when
                    $r: PricingResult()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "written by the rules");
                end
                """.formatted(target);
    }

    String spreads() throws Exception {
        return RuleSetLifecycleTest.defaultFiles().get("spreads.drl.csv");
    }

    JsonNode quote() {
        Api.Reply reply = manager.postJson("/api/v1/pricing/quotes", JOB);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void aDrlFileThatWritesAFileIsRefusedForAnAnalystByPermissionAndForAnAdminByTheAllowlist() throws Exception {
        Path target = Files.createTempDirectory("probe").resolve("pwned.txt");
        String upload = body(Map.of("message", "probe", "files", Map.of("probe.drl", probeDrl(target))));

        Api.Reply byAnalyst = analyst.postJson("/api/v1/rules/versions", upload);
        assertThat(byAnalyst.status()).as(byAnalyst.text()).isEqualTo(403);
        assertThat(byAnalyst.json().get("error").asText()).isEqualTo("RULES_CODE_REQUIRED");
        assertThat(byAnalyst.json().get("details").get(0).get("file").asText()).isEqualTo("probe.drl");

        for (String path : List.of("/api/v1/rules/versions", "/api/v1/rules/validate")) {
            Api.Reply byAdmin = admin.postJson(path, upload);
            assertThat(byAdmin.status()).as(byAdmin.text()).isEqualTo(400);
            assertThat(byAdmin.json().get("error").asText()).isEqualTo("RULESET_INVALID");
            JsonNode problem = byAdmin.json().get("details").get(0);
            assertThat(problem.get("file").asText()).isEqualTo("probe.drl");
            assertThat(problem.get("line").asInt()).isEqualTo(7);
            assertThat(problem.get("message").asText()).contains("rule 'probe'");
        }
        assertThat(Files.exists(target)).as("nothing ran").isFalse();
        assertThat(manager.get("/api/v1/rules/versions").json())
                .extracting(v -> v.get("message").asText())
                .doesNotContain("probe");
        JsonNode audit = admin.get("/api/v1/audit?action=rules.version.create").json();
        assertThat(audit.toString()).contains("code change refused");
    }

    @Test
    void aCellCarryingCodeIsA400NamingTheCell() throws Exception {
        String edited = spreads().replace("IC3,0.50", "IC3,\"0.5); System.exit(0); (\"");
        Api.Reply reply = analyst.postJson(
                "/api/v1/rules/versions",
                body(Map.of("message", "inject", "files", Map.of("spreads.drl.csv", edited))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        JsonNode problem = reply.json().get("details").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("spreads.drl.csv");
        assertThat(problem.get("line").asInt()).isEqualTo(13);
        assertThat(problem.get("column").asInt()).isEqualTo(2);
        assertThat(problem.get("message").asText())
                .contains("column Spread", "is not a number: it must be a spread > 0");
    }

    @Test
    void aViewerCannotTestOrSimulateADraftButCanTestAPublishedVersion() throws Exception {
        int draft = analyst.postJson(
                        "/api/v1/rules/versions",
                        body(Map.of(
                                "message",
                                "draft for viewer",
                                "files",
                                Map.of("spreads.drl.csv", spreads().replace("IC3,0.50", "IC3,0.55")))))
                .json()
                .get("version")
                .asInt();

        Api.Reply test = viewer.post("/api/v1/rules/versions/" + draft + "/test", null, "");
        assertThat(test.status()).as(test.text()).isEqualTo(403);
        assertThat(test.json().get("details").get(0).get("field").asText()).isEqualTo("version");
        assertThat(viewer.postJson("/api/v1/rules/versions/" + draft + "/simulate", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(analyst.post("/api/v1/rules/versions/" + draft + "/test", null, "")
                        .status())
                .isEqualTo(200);

        Api.Reply published = viewer.post("/api/v1/rules/versions/1/test", null, "");
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(published.json().get("failed").asInt()).isZero();
        assertThat(published.json().get("passed").asInt()).isGreaterThan(20);
    }

    @Test
    void oneEditedTableUploadedAloneIsItsParentPlusThatTableAndPublishesSafely() throws Exception {
        JsonNode before = quote();
        Api.Reply created = analyst.postJson(
                "/api/v1/rules/versions",
                body(Map.of(
                        "message",
                        "widen IC3",
                        "files",
                        Map.of("spreads.drl.csv", spreads().replace("IC3,0.50", "IC3,0.60")))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        int version = created.json().get("version").asInt();

        JsonNode stored = manager.get("/api/v1/rules/versions/" + version).json();
        assertThat(stored.get("files").size())
                .isEqualTo(RuleSetLifecycleTest.defaultFiles().size());
        assertThat(stored.get("files").get("pricing.drl").asText())
                .isEqualTo(RuleSetLifecycleTest.defaultFiles().get("pricing.drl"));
        assertThat(stored.get("parent").asInt()).isEqualTo(1);
        assertThat(stored.get("codeChanged")).isEmpty();

        JsonNode tested = analyst.post("/api/v1/rules/versions/" + version + "/test", null, "")
                .json();
        assertThat(tested.get("passed").asInt() + tested.get("failed").asInt()).isGreaterThan(20);
        assertThat(tested.get("failed").asInt())
                .as("the IC3 spread scenarios expect 0.50")
                .isPositive();

        Api.Reply simulated = analyst.postJson("/api/v1/rules/versions/" + version + "/simulate", "{\"limit\": 5}");
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(200);
        JsonNode delta = simulated.json().get("quotes").get(0);
        assertThat(delta.get("error").isNull()).isTrue();
        // MRP 133369.60 → mid 133500; spread 0.6: min 133369.60 x 2 / 2.6 = 102592 → 102500, max 164000
        assertThat(delta.get("after").get("min").asInt()).isEqualTo(102500);
        assertThat(delta.get("after").get("max").asInt()).isEqualTo(164000);

        assertThat(manager.post("/api/v1/rules/versions/" + version + "/publish", null, "")
                        .status())
                .isEqualTo(409);
        Api.Reply published =
                manager.post("/api/v1/rules/versions/" + version + "/publish?acceptFailingScenarios=true", null, "");
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        JsonNode after = quote();
        assertThat(after.get("rulesetVersion").asText()).isEqualTo("v" + version);
        assertThat(after.get("band").get("min").asInt()).isEqualTo(102500);
        assertThat(after.get("confidence")).isEqualTo(before.get("confidence"));
        JsonNode audit = admin.get("/api/v1/audit?action=rules.publish").json();
        assertThat(audit.get(0).get("details").asText()).contains("accepted", "failing scenario");
    }

    @Test
    void aVersionThatCannotPriceIsNeverPublishedNorSimulatedAndQuotesKeepWorking() throws Exception {
        // an admin may delete the steps of a quote on purpose; the version compiles but prices nothing
        Api.Reply created = admin.postJson(
                "/api/v1/rules/versions",
                body(Map.of("message", "no pricing steps", "files", Map.of(), "delete", List.of("pricing.drl"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        int version = created.json().get("version").asInt();
        assertThat(manager.get("/api/v1/rules/versions/" + version + "/diff/1")
                        .json()
                        .get("codeChanged")
                        .toString())
                .contains("pricing.drl");

        Api.Reply simulated = admin.postJson("/api/v1/rules/versions/" + version + "/simulate", "{\"limit\": 5}");
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(422);
        assertThat(simulated.json().get("error").asText()).isEqualTo("RULESET_CANNOT_PRICE");

        for (String accept : List.of("", "?acceptFailingScenarios=true")) {
            Api.Reply published = admin.post("/api/v1/rules/versions/" + version + "/publish" + accept, null, "");
            assertThat(published.status()).as(published.text()).isEqualTo(422);
            assertThat(published.json().get("error").asText()).isEqualTo("RULESET_CANNOT_PRICE");
            assertThat(published.json().get("details").get(0).get("message").asText())
                    .contains("smoke quote at level", "RULESET_INCOMPLETE");
        }
        JsonNode live = quote();
        assertThat(live.get("rulesetVersion").asText()).isEqualTo("v1");
        assertThat(live.get("band").get("mid").asInt()).isEqualTo(133500);
    }

    @Test
    void aCodeChangeByAnAdminIsMarkedInTheDiffAndAManagerCannotPublishIt() throws Exception {
        String pricing =
                RuleSetLifecycleTest.defaultFiles().get("pricing.drl").replace("$r.weigh(50);", "$r.weigh(40);");
        Api.Reply created = admin.postJson(
                "/api/v1/rules/versions",
                body(Map.of("message", "credibility at 40", "files", Map.of("pricing.drl", pricing))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        int version = created.json().get("version").asInt();

        JsonNode diff = manager.get("/api/v1/rules/versions/1/diff/" + version).json();
        assertThat(diff.get("codeChanged").toString()).isEqualTo("[\"pricing.drl\"]");
        assertThat(manager.get("/api/v1/rules/versions/" + version)
                        .json()
                        .get("codeChanged")
                        .toString())
                .isEqualTo("[\"pricing.drl\"]");

        Api.Reply byManager =
                manager.post("/api/v1/rules/versions/" + version + "/publish?acceptFailingScenarios=true", null, "");
        assertThat(byManager.status()).as(byManager.text()).isEqualTo(403);
        assertThat(byManager.json().get("error").asText()).isEqualTo("RULES_CODE_REQUIRED");
        assertThat(quote().get("rulesetVersion").asText()).isEqualTo("v1");

        Api.Reply byAdmin =
                admin.post("/api/v1/rules/versions/" + version + "/publish?acceptFailingScenarios=true", null, "");
        assertThat(byAdmin.status()).as(byAdmin.text()).isEqualTo(200);
        assertThat(quote().get("rulesetVersion").asText()).isEqualTo("v" + version);
        assertThat(manager.post("/api/v1/rules/versions/1/rollback", null, "").status())
                .as("going back to v1 changes the live code too")
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/rules/versions/1/rollback", null, "").status())
                .isEqualTo(200);
    }

    @Test
    void malformedUploadsAre400sNamingTheFieldOrFile() throws Exception {
        String spreads = spreads().replace("IC3,0.50", "IC3,0.51");
        Api.Reply longMessage = analyst.postJson(
                "/api/v1/rules/versions",
                body(Map.of("message", "m".repeat(1001), "files", Map.of("spreads.drl.csv", spreads))));
        assertThat(longMessage.status()).as(longMessage.text()).isEqualTo(400);
        assertThat(longMessage.json().get("details").get(0).get("field").asText())
                .isEqualTo("message");

        Api.Reply longName = analyst.postJson(
                "/api/v1/rules/versions",
                body(Map.of("message", "x", "files", Map.of("a".repeat(250) + ".drl.csv", spreads))));
        assertThat(longName.status()).as(longName.text()).isEqualTo(400);
        assertThat(longName.json().get("details").get(0).get("message").asText())
                .contains("at most 200");

        Api.Reply unknownDelete = analyst.postJson(
                "/api/v1/rules/versions", body(Map.of("message", "x", "delete", List.of("nope.drl.csv"))));
        assertThat(unknownDelete.status()).isEqualTo(400);
        assertThat(unknownDelete.json().get("details").get(0).get("field").asText())
                .isEqualTo("delete");

        Api.Reply same = analyst.postJson(
                "/api/v1/rules/versions", body(Map.of("message", "x", "files", Map.of("spreads.drl.csv", spreads()))));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("error").asText()).isEqualTo("NO_CHANGE");

        Api.Reply zipMessage = zip(analyst, "?message=" + "m".repeat(1001), Map.of("spreads.drl.csv", spreads), false);
        assertThat(zipMessage.status()).as(zipMessage.text()).isEqualTo(400);
        assertThat(zipMessage.json().get("details").get(0).get("field").asText())
                .isEqualTo("message");

        Api.Reply duplicate = zip(analyst, "?message=dup", Map.of("spreads.drl.csv", spreads), true);
        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(400);
        assertThat(duplicate.json().get("details").get(0).get("field").asText()).isEqualTo("files.spreads.drl.csv");
        assertThat(duplicate.json().get("message").asText()).contains("twice");

        Api.Reply longEntry = zip(analyst, "?message=long", Map.of("b".repeat(250) + ".drl.csv", spreads), false);
        assertThat(longEntry.status()).as(longEntry.text()).isEqualTo(400);
        assertThat(longEntry.json().get("message").asText()).contains("at most 200");

        for (String requests : List.of("{\"requests\": [{}]}", "{\"requests\": [null]}")) {
            Api.Reply simulated = analyst.postJson("/api/v1/rules/versions/1/simulate", requests);
            assertThat(simulated.status()).as(requests + " " + simulated.text()).isEqualTo(400);
            assertThat(simulated.json().get("details").get(0).get("field").asText())
                    .startsWith("requests[0]");
        }
        assertThat(quote().get("rulesetVersion").asText()).isEqualTo("v1");
    }

    static Api.Reply zip(Api api, String query, Map<String, String> files, boolean twice) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        byte[] content = bytes.toByteArray();
        if (twice) {
            content = duplicateEntries(files);
        }
        return api.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/rules/versions" + query))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    /** A zip holding each file twice: ZipOutputStream refuses to write one, so the second entry is renamed after. */
    static byte[] duplicateEntries(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String name = files.keySet().iterator().next();
        String twin = name.substring(0, name.length() - 1) + "#";
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : List.of(name, twin)) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(files.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        byte[] raw = bytes.toByteArray();
        byte[] from = twin.getBytes(StandardCharsets.UTF_8);
        byte[] to = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= raw.length; i++) {
            if (java.util.Arrays.equals(raw, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, raw, i, to.length);
            }
        }
        return raw;
    }
}
