package org.jobpricing.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.regex.Pattern;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ConsoleCapture;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The auth findings of the rule-code probe: lockout by account, tokens in URLs, the admin port's headers. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthProbeTest {

    static final ConsoleCapture CONSOLE = ConsoleCapture.start();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.refreshOnStartup",
            "false",
            "logging.level",
            "INFO",
            "server.requestLog.appenders[1].threshold",
            "INFO");
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");

    Api.Reply login(String name, String password) {
        return new Api(APP.getLocalPort())
                .postJson("/api/v1/auth/login", "{\"username\": \"" + name + "\", \"password\": \"" + password + "\"}");
    }

    @Test
    void failuresTypedWithTheUsernameAndTheEmailLockOneAccount() {
        Api admin = TestUsers.admin(APP);
        assertThat(admin.postJson("/api/v1/users", """
                {"username": "erin", "email": "erin@example.test", "password": "%s", "role": "VIEWER"}""".formatted(TestUsers.PASSWORD))
                        .status())
                .isEqualTo(201);

        for (String name : new String[] {"erin", "erin", "erin", "Erin@Example.test", "erin@example.test"}) {
            assertThat(login(name, "Wrong-password-123456").status()).as(name).isIn(401, 429);
        }

        Api.Reply byName = login("erin", TestUsers.PASSWORD);
        assertThat(byName.status())
                .as("5 failures across both spellings lock the account")
                .isEqualTo(429);
        assertThat(byName.headers().firstValue("Retry-After")).isPresent();
        assertThat(login("erin@example.test", TestUsers.PASSWORD).status()).isEqualTo(429);
        assertThat(login("admin", TestApps.ADMIN_PASSWORD).status())
                .as("other accounts are not locked")
                .isEqualTo(200);
    }

    @Test
    void aTokenInTheQueryStringIsRefusedAndNoTokenReachesTheLog() throws Exception {
        Api signedIn = TestUsers.as(APP, Role.VIEWER);
        String token = signedIn.token();
        Api anonymous = new Api(APP.getLocalPort());

        Api.Reply inUrl = anonymous.get("/api/v1/auth/me?access_token=" + token);
        assertThat(inUrl.status()).isEqualTo(401);
        assertThat(inUrl.json().get("error").asText()).isEqualTo("TOKEN_IN_URL");
        assertThat(inUrl.json().get("details").get(0).get("field").asText()).isEqualTo("access_token");
        assertThat(anonymous
                        .get("/api/v1/pricing/quotes/x?limit=1&ACCESS_TOKEN=" + token)
                        .status())
                .isEqualTo(401);
        assertThat(signedIn.get("/api/v1/auth/me?access_token=" + token).status())
                .as("refused even beside a header")
                .isEqualTo(401);
        assertThat(signedIn.get("/api/v1/auth/me").status()).isEqualTo(200);
        Thread.sleep(500);

        String console = CONSOLE.text();
        assertThat(console).contains("GET /api/v1/auth/me?access_token=*** HTTP/1.1\" 401");
        assertThat(console).doesNotContain(token);
        assertThat(JWT.matcher(console).find()).as("no JWT in the log").isFalse();
    }

    @Test
    void theAdminPortAnswersWithSecurityHeaders() {
        Api adminPort = new Api(APP.getAdminPort());
        for (String path : new String[] {"/healthcheck", "/metrics", "/no-such-page"}) {
            Api.Reply reply = adminPort.get(path);
            assertThat(reply.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(reply.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(reply.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(reply.headers().firstValue("Cache-Control").orElse(""))
                    .as(path)
                    .contains("no-store");
            assertThat(reply.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isPresent();
        }
    }
}
