package org.jobpricing.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** An ADMIN_PASSWORD that breaks the password policy stops the first start with one line naming the rule. */
class WeakAdminPasswordTest {

    @Test
    void aShortAdminPasswordIsOneLineNamingTheRuleAndANonZeroExit() throws Exception {
        ServerProcess.Exit exit = ServerProcess.startExpectingExit(
                TestDatabases.h2(),
                Map.of("ADMIN_EMAIL", "boss@example.test", "ADMIN_PASSWORD", "short1"),
                Duration.ofSeconds(90),
                "auth.adminEmail",
                null,
                "auth.adminPassword",
                null);

        assertThat(exit.code()).isNotZero();
        List<String> mentions =
                exit.output().lines().filter(l -> l.contains("ADMIN_PASSWORD")).toList();
        assertThat(mentions)
                .containsExactly("job-pricing: cannot start: ADMIN_PASSWORD must be at least 12 characters");
        assertThat(exit.output())
                .doesNotContain("Exception")
                .doesNotContainPattern("(?m)^\\s+at ")
                .doesNotContain("short1");
    }

    @Test
    void anAdminPasswordHoldingTheEmailNameIsRefusedWithThatRule() throws Exception {
        ServerProcess.Exit exit = ServerProcess.startExpectingExit(
                TestDatabases.h2(),
                Map.of("ADMIN_EMAIL", "boss@example.test", "ADMIN_PASSWORD", "the-boss-passphrase-2026"),
                Duration.ofSeconds(90),
                "auth.adminEmail",
                null,
                "auth.adminPassword",
                null);

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()
                        .lines()
                        .filter(l -> l.contains("ADMIN_PASSWORD"))
                        .toList())
                .containsExactly(
                        "job-pricing: cannot start: ADMIN_PASSWORD must not contain the username or e-mail address");
        assertThat(exit.output()).doesNotContainPattern("(?m)^\\s+at ");
    }
}
