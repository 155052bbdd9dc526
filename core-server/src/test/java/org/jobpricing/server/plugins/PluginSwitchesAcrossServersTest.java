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
import java.util.function.Supplier;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.PluginJars;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turning a plugin off or on is kept in the database and followed by every server: one in this JVM
 * takes the change, a second server process (started while the plugin is off) follows it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PluginSwitchesAcrossServersTest {

    static final Path DIR = pluginsDirectory();
    static final TestDatabases.Db DB = TestDatabases.postgres();
    static final String[] SETTINGS = {
        "plugins.directory",
        DIR.toString(),
        "plugins.refreshOnStartup",
        "false",
        "plugins.config.counting-source.log",
        DIR.resolve("runs.log").toString(),
        "plugins.schedulerTick",
        "200ms"
    };
    static final DropwizardAppExtension<JobPricingConfiguration> A = TestApps.app(DB, SETTINGS);

    static Path pluginsDirectory() {
        try {
            Path dir = Files.createTempDirectory("jobpricing-switches");
            PluginJars.build(dir, "counting-source", ">=1.0.0 & <2.0.0", FaultySources.Counting.class);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String state(Api api) {
        return api.get("/api/v1/plugins/counting-source").json().get("state").asText();
    }

    static void await(Supplier<String> actual, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!actual.get().equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(actual.get()).isEqualTo(expected);
    }

    @Test
    void aServerStartedWhileAPluginIsOffStartsItWhenAnotherServerTurnsItOn() throws Exception {
        Api adminA = TestUsers.admin(A);
        Api.Reply off = adminA.post("/api/v1/plugins/counting-source/disable", null, "");
        assertThat(off.json().get("state").asText()).isEqualTo("STOPPED");

        try (ServerProcess b = ServerProcess.start(DB, SETTINGS)) {
            Api adminB = new Api(b.port()).login("admin", TestApps.ADMIN_PASSWORD);
            JsonNode atStart = adminB.get("/api/v1/plugins/counting-source").json();
            assertThat(atStart.get("enabled").asBoolean()).isFalse();
            assertThat(atStart.get("state").asText()).as("loaded, not started").isEqualTo("RESOLVED");
            Api.Reply refused = adminB.postJson("/api/v1/market-data/jobs", "{\"source\": \"counting\"}");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().get("message").asText())
                    .isEqualTo(
                            "market-data source counting is not provided by any running plugin (not running: counting-source)");

            assertThat(adminA.post("/api/v1/plugins/counting-source/enable", null, "")
                            .status())
                    .isEqualTo(200);
            await(() -> state(adminB), "STARTED");
            assertThat(MarketDataJobsTest.runNow(adminB, "counting")
                            .get("status")
                            .asText())
                    .isEqualTo("OK");

            assertThat(adminB.post("/api/v1/plugins/counting-source/disable", null, "")
                            .status())
                    .isEqualTo(200);
            await(() -> state(adminA), "STOPPED");
        }
    }
}
