package org.jobpricing.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
 * Real plugin jars in a plugins directory: the bundled ones, a jar of misbehaving sources and a jar
 * needing another API version. Failures are reported per source and never stop pricing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PluginFaultIsolationTest {

    static final Path PLUGINS = pluginsDirectory();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.directory",
            PLUGINS.toString(),
            "plugins.fetchTimeout",
            "2s",
            "plugins.refreshOnStartup",
            "false");

    static Path pluginsDirectory() {
        try {
            Path dir = Files.createTempDirectory("jobpricing-plugins");
            PluginJars.copyBundled(dir);
            PluginJars.build(
                    dir,
                    "faulty-sources",
                    ">=1.0.0 & <2.0.0",
                    FaultySources.Throwing.class,
                    FaultySources.Hanging.class,
                    FaultySources.Garbage.class);
            PluginJars.build(dir, "from-the-future", ">=2.0.0", FaultySources.Garbage.class);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachSourceIsIsolatedAndOnlyValidRowsAreStored() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);

        Api.Reply reply = api.post("/api/v1/market-data/refresh", null, "");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("sources"))
                .as("the plugin needing API 2.x is refused")
                .extracting(s -> s.get("plugin").asText())
                .doesNotContain("from-the-future");
        Map<String, JsonNode> bySource = new HashMap<>();
        reply.json().get("sources").forEach(s -> bySource.put(s.get("source").asText(), s));
        assertThat(bySource).containsKeys("bls-oews", "survey-csv", "throwing", "hanging", "garbage");
        bySource.forEach((name, s) -> {
            if (!java.util.Set.of("bls-oews", "survey-csv", "throwing", "hanging", "garbage")
                    .contains(name)) {
                assertThat(s.get("status").asText())
                        .as(name + " is bundled but not configured here")
                        .isEqualTo("SKIPPED");
                assertThat(s.at("/problems/0/message").asText()).startsWith("not configured");
            }
        });
        assertThat(bySource.get("bls-oews").get("status").asText()).isEqualTo("OK");
        assertThat(bySource.get("throwing").get("status").asText()).isEqualTo("FAILED");
        assertThat(bySource.get("throwing")
                        .get("problems")
                        .get(0)
                        .get("message")
                        .asText())
                .contains("upstream is down");
        assertThat(bySource.get("hanging").get("status").asText()).isEqualTo("FAILED");
        assertThat(bySource.get("hanging").get("problems").get(0).get("message").asText())
                .contains("timed out");
        JsonNode garbage = bySource.get("garbage");
        assertThat(garbage.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(garbage.get("imported").asInt()).isEqualTo(1);
        assertThat(garbage.get("rejected").asInt()).isEqualTo(4);
        assertThat(garbage.get("problems"))
                .extracting(p -> p.get("column").asText())
                .contains("p50", "p75", "effective_date");
        assertThat(garbage.get("problems"))
                .extracting(p -> p.get("message").asText())
                .anyMatch(m -> m.contains("must not be in the future (2999-01-01"));

        assertThat(api.get("/api/v1/market-data/observations?occupationCode=44-0001")
                        .json())
                .hasSize(1);
        assertThat(api.get("/api/v1/market-data/observations?occupationCode=44-0002")
                        .json())
                .isEmpty();
        Api.Reply quote = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-05-01"}""");
        assertThat(quote.status()).as("pricing keeps answering").isEqualTo(201);
    }

    @Test
    void everyPluginIsListedWithItsStateExtensionsAndLastRefresh() {
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        manager.post("/api/v1/market-data/refresh", null, "");

        Api.Reply reply = TestUsers.as(APP, Role.VIEWER).get("/api/v1/plugins");

        assertThat(reply.status()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        reply.json().forEach(p -> byId.put(p.get("id").asText(), p));
        assertThat(byId).containsKeys("bls-oews", "survey-csv", "onet-enricher", "faulty-sources", "from-the-future");
        assertThat(byId.get("bls-oews").get("state").asText()).isEqualTo("STARTED");
        JsonNode bls = byId.get("bls-oews");
        assertThat(bls.at("/sources/0/name").asText()).isEqualTo("bls-oews");
        assertThat(bls.at("/sources/0/type").asText()).isEqualTo("GOVERNMENT");
        assertThat(bls.at("/sources/0/description").asText()).contains("Occupational Employment and Wage Statistics");
        assertThat(bls.at("/sources/0/configSchema"))
                .extracting(f -> f.get("key").asText())
                .containsExactly("file", "effectiveDate", "sourceId", "areas");
        assertThat(bls.at("/sources/0/lastRun/status").asText()).isEqualTo("OK");
        assertThat(bls.at("/sources/0/lastRun/rowsOut").asInt())
                .as(
                        "the national rows of May 2024 and May 2025 (the test apps' areas: national), suppressed cells left out")
                .isEqualTo(1634)
                .isEqualTo(bls.at("/sources/0/lastRun/rowsIn").asInt()
                        - bls.at("/sources/0/lastRun/rowsRejected").asInt());
        assertThat(bls.at("/sources/0/lastSuccessAt").isNull()).isFalse();
        assertThat(bls.get("apiVersion").asText()).isEqualTo("1.1.0");
        assertThat(bls.get("health").asText()).isEqualTo("HEALTHY");
        assertThat(byId.get("onet-enricher").get("enrichers").get(0).asText()).isEqualTo("onet-enricher");
        assertThat(byId.get("llm-enricher").get("writers").get(0).asText()).isEqualTo("llm-enricher");
        assertThat(byId.get("llm-enricher").get("rankers")).hasSize(1);
        assertThat(byId.get("faulty-sources").get("sources"))
                .extracting(r -> r.at("/lastRun/status").asText())
                .contains("FAILED", "PARTIAL");
        assertThat(byId.get("faulty-sources").get("health").asText()).isEqualTo("UNHEALTHY");
        JsonNode future = byId.get("from-the-future");
        assertThat(future.get("state").asText()).isNotEqualTo("STARTED");
        assertThat(future.get("health").asText()).isEqualTo("FAILED");
        assertThat(future.get("requires").asText()).isEqualTo(">=2.0.0");
        assertThat(future.get("problem").asText())
                .isEqualTo("requires plugin API >=2.0.0 but this server provides 1.1.0");
    }
}
