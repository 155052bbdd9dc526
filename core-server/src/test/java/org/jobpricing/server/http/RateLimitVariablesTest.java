package org.jobpricing.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The RATE_LIMIT_* variables of .env.example, set in a server's environment, are the limits it answers
 * with: {@code RateLimit-Limit} is the configured value for anonymous callers and each role.
 */
class RateLimitVariablesTest {

    /** The test defaults that would override config.yml's rate limits; dropped so the environment applies. */
    static final String[] USE_THE_ENVIRONMENT = {
        "http.rateLimitEnabled",
        null,
        "http.anonymousRateLimitPerMinute",
        null,
        "http.rateLimitPerMinute.VIEWER",
        null,
        "http.rateLimitPerMinute.HR_ANALYST",
        null,
        "http.rateLimitPerMinute.HR_MANAGER",
        null,
        "http.rateLimitPerMinute.ADMIN",
        null
    };

    static Api signedIn(Api admin, int port, Role role) {
        String username = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-limits";
        Api.Reply created = admin.postJson("/api/v1/users", """
                {"username": "%s", "email": "%s@example.test", "password": "Quiet-harbour-lantern-42", "role": "%s"}""".formatted(username, username, role.name()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Api(port).login(username, "Quiet-harbour-lantern-42");
    }

    @Test
    void everyRateLimitVariableIsTheLimitAnswered() throws Exception {
        Map<String, String> env = Map.of(
                "RATE_LIMIT_ENABLED",
                "true",
                "RATE_LIMIT_ANONYMOUS",
                "1000000000",
                "RATE_LIMIT_VIEWER",
                "70",
                "RATE_LIMIT_HR_ANALYST",
                "110",
                "RATE_LIMIT_HR_MANAGER",
                "130",
                "RATE_LIMIT_ADMIN",
                "170");
        try (ServerProcess server = ServerProcess.start(TestDatabases.h2(), env, USE_THE_ENVIRONMENT)) {
            Api.Reply anonymous = new Api(server.port()).get("/openapi.json");
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.headers().firstValue("RateLimit-Limit")).hasValue("1000000000");
            assertThat(anonymous.headers().firstValue("RateLimit-Remaining")).hasValue("999999999");

            Api admin = new Api(server.port()).login("admin", TestApps.ADMIN_PASSWORD);
            assertThat(admin.get("/api/v1/auth/me").headers().firstValue("RateLimit-Limit"))
                    .hasValue("170");
            Map<Role, String> expected = Map.of(Role.VIEWER, "70", Role.HR_ANALYST, "110", Role.HR_MANAGER, "130");
            expected.forEach((role, limit) -> {
                Api.Reply me = signedIn(admin, server.port(), role).get("/api/v1/auth/me");
                assertThat(me.status()).isEqualTo(200);
                assertThat(me.headers().firstValue("RateLimit-Limit"))
                        .as(role.name())
                        .hasValue(limit);
            });
        }
    }

    @Test
    void rateLimitEnabledFalseTurnsTheLimitsOff() throws Exception {
        Map<String, String> env = Map.of("RATE_LIMIT_ENABLED", "false", "RATE_LIMIT_ANONYMOUS", "1");
        try (ServerProcess server = ServerProcess.start(TestDatabases.h2(), env, USE_THE_ENVIRONMENT)) {
            Api anonymous = new Api(server.port());
            for (int i = 0; i < 3; i++) {
                Api.Reply reply = anonymous.get("/openapi.json");
                assertThat(reply.status())
                        .as("call %d over a limit of 1 that is off", i + 1)
                        .isEqualTo(200);
                assertThat(reply.headers().firstValue("RateLimit-Limit")).isEmpty();
            }
        }
    }
}
