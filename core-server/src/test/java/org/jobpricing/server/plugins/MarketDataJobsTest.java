package org.jobpricing.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.PluginJars;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Market-data jobs through the API with real plugin jars: history with rows and problems, incremental
 * cursors kept only by successful runs, one run per source at a time, on/off switches, reload and
 * connection checks - every change audited.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MarketDataJobsTest {

    static final Path DIR = tempDir();
    static final Path LOG = DIR.resolve("counting.log");
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.directory",
            pluginsDirectory().toString(),
            "plugins.fetchTimeout",
            "2s",
            "plugins.refreshOnStartup",
            "false",
            "plugins.config.counting-source.log",
            LOG.toString(),
            "plugins.config.counting-source.failAt",
            "3",
            "plugins.config.survey-csv.directory",
            DIR.toString());

    static Path tempDir() {
        try {
            return Files.createTempDirectory("jobpricing-jobs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path pluginsDirectory() {
        try {
            Path dir = Files.createDirectories(DIR.resolve("plugins"));
            PluginJars.copyBundled(dir);
            PluginJars.build(
                    dir,
                    "faulty-sources",
                    ">=1.0.0 & <2.0.0",
                    FaultySources.Throwing.class,
                    FaultySources.Hanging.class,
                    FaultySources.Garbage.class);
            PluginJars.build(dir, "counting-source", ">=1.0.0 & <2.0.0", FaultySources.Counting.class);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode finished(Api api, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode job = api.get("/api/v1/market-data/jobs/" + id).json();
        while (job.get("status").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = api.get("/api/v1/market-data/jobs/" + id).json();
        }
        return job;
    }

    static JsonNode runNow(Api api, String source) throws InterruptedException {
        Api.Reply started = api.postJson("/api/v1/market-data/jobs", "{\"source\": \"" + source + "\"}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get(0).get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.json().get(0).get("trigger").asText()).isEqualTo("MANUAL");
        return finished(api, started.json().get(0).get("id").asLong());
    }

    @Test
    void garbageRowsAreRejectedWithReasonsInTheHistoryAndValidRowsStored() throws Exception {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

        JsonNode job = runNow(api, "garbage");

        assertThat(job.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(job.get("rowsIn").asInt()).isEqualTo(5);
        assertThat(job.get("rowsOut").asInt()).isEqualTo(1);
        assertThat(job.get("rowsRejected").asInt()).isEqualTo(4);
        assertThat(job.get("problems"))
                .extracting(p -> p.get("message").asText())
                .anyMatch(m -> m.startsWith("row 2: must be a positive amount, got -5.0"))
                .anyMatch(m -> m.startsWith("row 5: must not be in the future"));
        assertThat(job.get("startedBy").asText()).isEqualTo("hr-manager-user");
        JsonNode history = TestUsers.as(APP, Role.VIEWER)
                .get("/api/v1/market-data/jobs?source=garbage")
                .json();
        assertThat(history)
                .extracting(j -> j.get("id").asLong())
                .contains(job.get("id").asLong());
        assertThat(api.get("/api/v1/market-data/observations?occupationCode=44-0001")
                        .json())
                .hasSize(1);
        assertThat(api.get("/api/v1/market-data/observations?occupationCode=44-0005")
                        .json())
                .isEmpty();
    }

    @Test
    void aFailedRunStoresNothingAndKeepsTheCursorSoTheNextRunRetries() throws Exception {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

        JsonNode first = runNow(api, "counting");
        JsonNode second = runNow(api, "counting");
        JsonNode third = runNow(api, "counting");

        assertThat(first.get("status").asText()).isEqualTo("OK");
        assertThat(first.get("cursorBefore").isNull()).isTrue();
        assertThat(first.get("cursorAfter").asText()).isEqualTo("1");
        assertThat(second.get("cursorBefore").asText()).isEqualTo("1");
        assertThat(second.get("cursorAfter").asText()).isEqualTo("2");
        assertThat(third.get("status").asText())
                .as("the source throws for month 3")
                .isEqualTo("FAILED");
        assertThat(third.at("/problems/0/message").asText()).isEqualTo("IOException: month 3 is not available");
        assertThat(third.get("cursorAfter").asText()).as("cursor unchanged").isEqualTo("2");
        assertThat(third.get("rowsOut").asInt()).isZero();
        JsonNode rows = api.get("/api/v1/market-data/observations?occupationCode=46-0001")
                .json();
        assertThat(rows).extracting(r -> r.get("effectiveDate").asText()).containsExactly("2020-01-01", "2020-02-01");
        JsonNode plugin = api.get("/api/v1/plugins/counting-source").json();
        assertThat(plugin.get("health").asText()).isEqualTo("UNHEALTHY");
        assertThat(plugin.at("/sources/0/cursor").asText()).isEqualTo("2");
        assertThat(plugin.at("/sources/0/lastRun/status").asText()).isEqualTo("FAILED");
        JsonNode readiness = new Api(APP.getAdminPort()).get("/healthcheck").json();
        assertThat(readiness.at("/plugin:counting-source/healthy").asBoolean()).isFalse();
        assertThat(readiness.at("/plugin:counting-source/message").asText())
                .isEqualTo("counting: last run FAILED (IOException: month 3 is not available)");
        assertThat(readiness.at("/plugin:bls-oews/healthy").asBoolean())
                .as("never run, nothing wrong")
                .isTrue();
    }

    @Test
    void aSourceRunsOnceAtATimeAndATimeoutFailsTheRun() throws Exception {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);
        Api.Reply started = api.postJson("/api/v1/market-data/jobs", "{\"source\": \"hanging\"}");
        assertThat(started.status()).isEqualTo(202);

        Api.Reply again = api.postJson("/api/v1/market-data/jobs", "{\"source\": \"hanging\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("JOB_RUNNING");
        JsonNode job = finished(api, started.json().get(0).get("id").asLong());
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.at("/problems/0/message").asText()).isEqualTo("timed out after 2 s");
        Api.Reply quote = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-05-01"}""");
        assertThat(quote.status())
                .as("pricing keeps answering: " + quote.text())
                .isIn(201, 422);
    }

    @Test
    void unknownOrUnconfiguredSourcesAndBadBodiesAreClearErrors() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

        Api.Reply unknown = api.postJson("/api/v1/market-data/jobs", "{\"source\": \"no-such-source\"}");
        Api.Reply bad = api.postJson("/api/v1/market-data/jobs", "{\"source\": \"a b\"}");
        Api.Reply missing = api.get("/api/v1/market-data/jobs/999999");
        Api.Reply badStatus = api.get("/api/v1/market-data/jobs?status=DONE");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("no-such-source");
        assertThat(bad.status()).isIn(400, 422);
        assertThat(bad.text()).contains("source");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(TestUsers.as(APP, Role.VIEWER)
                        .postJson("/api/v1/market-data/jobs", "{}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void turningAPluginOffStopsItsRunsUntilItIsTurnedOnAndEveryChangeIsAudited() throws Exception {
        Api admin = TestUsers.admin(APP);
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        assertThat(manager.post("/api/v1/plugins/faulty-sources/disable", null, "")
                        .status())
                .as("plugins:manage is for administrators")
                .isEqualTo(403);

        Api.Reply off = admin.post("/api/v1/plugins/faulty-sources/disable", null, "");
        Api.Reply refused;
        try {
            refused = manager.postJson("/api/v1/market-data/jobs", "{\"source\": \"throwing\"}");
        } finally {
            admin.post("/api/v1/plugins/faulty-sources/enable", null, "");
        }

        assertThat(off.status()).as(off.text()).isEqualTo(200);
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(off.json().get("health").asText()).isEqualTo("OFF");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("SOURCE_DISABLED");

        Api.Reply on = admin.post("/api/v1/plugins/faulty-sources/enable", null, "");
        assertThat(on.status()).as(on.text()).isEqualTo(200);
        assertThat(on.json().get("state").asText()).isEqualTo("STARTED");
        assertThat(runNow(manager, "throwing").get("status").asText()).isEqualTo("FAILED");

        Api.Reply reloaded = admin.post("/api/v1/plugins/bls-oews/reload", null, "");
        assertThat(reloaded.status()).as(reloaded.text()).isEqualTo(200);
        assertThat(reloaded.json().get("state").asText()).isEqualTo("STARTED");
        assertThat(admin.post("/api/v1/plugins/nope/disable", null, "").status())
                .isEqualTo(404);
        JsonNode audit = admin.get("/api/v1/audit?actor=admin").json();
        assertThat(audit)
                .extracting(e -> e.get("action").asText())
                .contains("plugin.disable", "plugin.enable", "plugin.reload");
    }

    @Test
    void aConnectionCheckAnswersInWordsPerSource() throws IOException {
        Files.writeString(
                DIR.resolve("survey-2026.csv"),
                "source_id,source_type,occupation_code,level,country,area,"
                        + "currency,period,effective_date,p10,p25,p50,p75,p90,sample_size,org_count\n");

        Api.Reply survey = TestUsers.admin(APP).post("/api/v1/plugins/survey-csv/check", null, "");
        Api.Reply counting = TestUsers.admin(APP).post("/api/v1/plugins/counting-source/check", null, "");

        assertThat(survey.status()).as(survey.text()).isEqualTo(200);
        assertThat(survey.json().get(0).get("source").asText()).isEqualTo("survey-csv");
        assertThat(survey.json().get(0).at("/result/ok").asBoolean()).isTrue();
        assertThat(survey.json().get(0).at("/result/message").asText()).isEqualTo("1 survey file(s) in " + DIR);
        assertThat(counting.json().get(0).at("/result/message").asText()).isEqualTo("configuration valid");
    }
}
