package org.jobpricing.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: each remembers signed-in
 * accounts, and a role change or a deactivation made on one is in force on the other within a second.
 */
class AccountChangesAcrossServersTest {

    static final String PASSWORD = "Granite-orchard-window-5521";

    @Test
    void aDeactivationOnOneServerIsRefusedByTheOtherWithinASecond() throws Exception {
        TestDatabases.Db db = TestDatabases.postgres();
        try (ServerProcess a = ServerProcess.start(db, "plugins.refreshOnStartup", "false");
                ServerProcess b = ServerProcess.start(db, "plugins.refreshOnStartup", "false")) {
            Api adminOnA = new Api(a.port()).login("admin", TestApps.ADMIN_PASSWORD);
            Api.Reply created = adminOnA.postJson("/api/v1/users", """
                    {"username": "erin", "email": "erin@example.test", "password": "%s", "role": "VIEWER"}""".formatted(PASSWORD));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String erinId = created.json().get("id").asText();

            Api erinOnB = new Api(b.port()).login("erin", PASSWORD);
            // B now remembers erin: her requests cost it no account read
            assertThat(erinOnB.get("/api/v1/auth/me").json().get("role").asText())
                    .isEqualTo("VIEWER");
            assertThat(erinOnB.postJson("/api/v1/pricing/quotes", "{}").status())
                    .isEqualTo(403);

            assertThat(adminOnA.put("/api/v1/users/" + erinId, "{\"role\": \"HR_ANALYST\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(statusWithinASecond(erinOnB, 400))
                    .as("B lets the new analyst price (a 400 for the empty body) within a second")
                    .isEqualTo(400);

            assertThat(adminOnA.put("/api/v1/users/" + erinId, "{\"active\": false}")
                            .status())
                    .isEqualTo(200);
            assertThat(statusWithinASecond(erinOnB, 401))
                    .as("B refuses the deactivated account within a second")
                    .isEqualTo(401);
            assertThat(erinOnB.get("/api/v1/auth/me").status()).isEqualTo(401);
        }
    }

    /** The status of an empty quote request on the server, polled until it is {@code expected} or a second passed. */
    private static int statusWithinASecond(Api api, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
        int status;
        do {
            status = api.postJson("/api/v1/pricing/quotes", "{}").status();
            if (status == expected) {
                return status;
            }
            Thread.sleep(20);
        } while (Instant.now().isBefore(deadline));
        return status;
    }
}
