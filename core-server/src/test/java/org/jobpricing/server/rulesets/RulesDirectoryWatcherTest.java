package org.jobpricing.server.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In development, saving a rule file publishes it; a broken edit is refused and the running version stays. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RulesDirectoryWatcherTest {

    static final Path RULES = copyOfRules();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.refreshOnStartup",
            "false",
            "rules.directory",
            RULES.toString(),
            "rules.watch",
            "true");
    static final String JOB = """
            {"title": "Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "asOf": "2026-07-01"}""";

    static Path copyOfRules() {
        try {
            Path dir = Files.createTempDirectory("jobpricing-rules");
            Files.createDirectory(dir.resolve("tests"));
            try (Stream<Path> files = Files.walk(Path.of(TestApps.rulesDir()), 2)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path relative = Path.of(TestApps.rulesDir()).relativize(f);
                    if (relative.getNameCount() == 1 || relative.startsWith("tests")) {
                        Files.copy(f, dir.resolve(relative.toString()));
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode quote(Api api) {
        return api.postJson("/api/v1/pricing/quotes", JOB).json();
    }

    @Test
    void savingARuleFilePublishesItAndABrokenEditIsRefused() throws Exception {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);
        api.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example1-observations.csv"));
        assertThat(quote(api).get("rulesetVersion").asText()).isEqualTo("v1");

        Path spreads = RULES.resolve("spreads.drl.csv");
        Files.writeString(spreads, Files.readString(spreads).replace("IC3,0.50", "IC3,0.80"));
        JsonNode q = quote(api);
        for (int i = 0; i < 100 && q.get("rulesetVersion").asText().equals("v1"); i++) {
            Thread.sleep(100);
            q = quote(api);
        }
        assertThat(q.get("rulesetVersion").asText()).isEqualTo("v2");
        assertThat(q.get("band").get("max").asInt()).isEqualTo(171500);

        Files.writeString(spreads, Files.readString(spreads).replace("IC3,0.80", "IC3,-1"));
        Thread.sleep(2_000);
        JsonNode after = quote(api);
        assertThat(after.get("rulesetVersion").asText()).isEqualTo("v2");
        assertThat(after.get("band")).isEqualTo(q.get("band"));
        assertThat(api.get("/api/v1/rules/versions").json()).hasSize(2);
    }
}
