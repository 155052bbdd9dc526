package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * A first start as the README runs it (config.yml's defaults: no JWT_SECRET, no ADMIN_EMAIL, INFO logs,
 * the BLS data loaded at startup) logs no ERROR, and no WARN but the two a first start means.
 */
class CleanStartTest {

    /** The warnings a development first start gives on purpose. */
    static final List<String> INTENDED_WARNINGS = List.of(
            "development mode: no JWT_SECRET, using a random signing key",
            "first start: created admin 'admin' with the one-time password");

    static final Pattern ERROR_OR_WARN = Pattern.compile("\\b(ERROR|WARN|WARNING|SEVERE)\\b");

    @Test
    void aFirstStartLogsNoErrorAndOnlyTheIntendedWarnings() throws Exception {
        String output;
        try (ServerProcess server = ServerProcess.start(
                TestDatabases.h2(),
                Map.of(),
                "auth.jwtSecret",
                null,
                "auth.adminEmail",
                null,
                "auth.adminPassword",
                null,
                "logging.level",
                null,
                "rules.watch",
                null,
                // a slow-query warning depends on the machine's load (2 shared cores), not on the start
                "slowQueryThreshold",
                "30s")) {
            assertThat(new Api(server.port()).get("/health").status()).isEqualTo(200);
            // the first ticks of the background work (rule-set follower every 2 s, plugin scheduler) log too
            Thread.sleep(2500);
            output = server.output();
        }

        List<String> flagged =
                output.lines().filter(l -> ERROR_OR_WARN.matcher(l).find()).toList();
        assertThat(output).as("the server really started, with INFO logs").contains("Started application");
        assertThat(flagged)
                .as("lines at WARN or ERROR")
                .hasSize(INTENDED_WARNINGS.size())
                .allSatisfy(line -> assertThat(line)
                        .startsWith("WARN ")
                        .satisfies(l -> assertThat(INTENDED_WARNINGS)
                                .anySatisfy(w -> assertThat(l).contains(w))));
    }
}
