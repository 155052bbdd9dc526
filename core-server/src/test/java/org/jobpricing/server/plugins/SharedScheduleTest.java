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
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.PluginJars;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two server processes on one PostgreSQL database with the same schedule (every 2 seconds): this test's
 * server and a second JVM started from the same classpath. Each due run happens exactly once, on one
 * of them, and the runs share one cursor.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SharedScheduleTest {

    static final Path DIR = pluginsDirectory();
    static final Path LOG = DIR.resolve("runs.log");
    static final TestDatabases.Db DB = TestDatabases.postgres();
    static final String[] SETTINGS = {
        "plugins.directory",
        DIR.toString(),
        "plugins.refreshOnStartup",
        "false",
        "plugins.config.counting-source.log",
        LOG.toString(),
        "plugins.schedules.counting",
        "*/2 * * * * *",
        "plugins.schedulerTick",
        "200ms"
    };
    static final DropwizardAppExtension<JobPricingConfiguration> A = TestApps.app(DB, SETTINGS);

    static Path pluginsDirectory() {
        try {
            Path dir = Files.createTempDirectory("jobpricing-schedule");
            PluginJars.build(dir, "counting-source", ">=1.0.0 & <2.0.0", FaultySources.Counting.class);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachDueRunHappensExactlyOnceAcrossBothServers() throws Exception {
        Api viewer = TestUsers.as(A, Role.VIEWER);
        try (ServerProcess b = ServerProcess.start(DB, SETTINGS)) {
            Instant until = Instant.now().plus(Duration.ofSeconds(12));
            while (Instant.now().isBefore(until)) {
                Thread.sleep(250);
            }
        }
        Api.Reply plugin = viewer.get("/api/v1/plugins/counting-source");
        assertThat(plugin.json().at("/sources/0/schedule").asText()).isEqualTo("*/2 * * * * *");
        assertThat(plugin.json().at("/sources/0/nextRun").isNull()).isFalse();

        JsonNode jobs =
                viewer.get("/api/v1/market-data/jobs?source=counting&limit=500").json();
        List<Instant> slots = new ArrayList<>();
        int ran = 0;
        for (JsonNode job : jobs) {
            assertThat(job.get("trigger").asText()).isEqualTo("SCHEDULE");
            slots.add(Instant.parse(job.get("scheduledFor").asText()));
            if (!job.get("status").asText().equals("SKIPPED")) {
                ran++;
            }
        }
        slots.sort(null);
        assertThat(slots)
                .as("due times recorded")
                .hasSizeGreaterThanOrEqualTo(4)
                .doesNotHaveDuplicates();
        for (int i = 1; i < slots.size(); i++) {
            assertThat(Duration.between(slots.get(i - 1), slots.get(i)))
                    .as("no due time missed")
                    .isEqualTo(Duration.ofSeconds(2));
        }
        List<String> calls = Files.readAllLines(LOG);
        int settled = ran;
        assertThat(calls.size())
                .as("fetch calls on both servers = runs recorded (a run may still be in flight)")
                .isBetween(settled, settled + 1);
        List<String> months = new ArrayList<>();
        TestUsers.as(A, Role.VIEWER)
                .get("/api/v1/market-data/observations?occupationCode=46-0001&limit=1000")
                .json()
                .forEach(o -> months.add(o.get("effectiveDate").asText()));
        assertThat(months)
                .as("one shared cursor: consecutive months, none twice")
                .doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(ran - 1)
                .startsWith("2020-01-01", "2020-02-01", "2020-03-01");
    }
}
