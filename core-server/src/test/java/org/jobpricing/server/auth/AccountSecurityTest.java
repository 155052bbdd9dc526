package org.jobpricing.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.JobPricingApplication;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ConsoleCapture;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server started with no admin configured, self-registration on and a short lockout: the first
 * admin's one-time password, lockout, enumeration, password policy, e-mail verification, account
 * changes, and what reaches the log and the audit trail.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountSecurityTest {

    static final ConsoleCapture CONSOLE = ConsoleCapture.start();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.refreshOnStartup",
            "false",
            "auth.adminEmail",
            "",
            "auth.adminPassword",
            "",
            "auth.registrationEnabled",
            "true",
            "auth.lockout",
            "2s",
            "logging.level",
            "INFO");
    static final String NEW_ADMIN_PASSWORD = "Granite-orchard-window-5521";
    static final String USER_PASSWORD = "Velvet-compass-thunder-8800";
    static final List<String> SECRETS_SEEN = new ArrayList<>();

    static String console() {
        return CONSOLE.text();
    }

    static Api anonymous() {
        return new Api(APP.getLocalPort());
    }

    static Api.Reply login(String username, String password) {
        Api.Reply reply = anonymous()
                .postJson(
                        "/api/v1/auth/login",
                        "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
        if (reply.status() == 200) {
            SECRETS_SEEN.add(reply.json().get("access_token").asText());
            SECRETS_SEEN.add(reply.json().get("refresh_token").asText());
        }
        return reply;
    }

    static Api admin() {
        return anonymous()
                .withToken(login("admin", NEW_ADMIN_PASSWORD)
                        .json()
                        .get("access_token")
                        .asText());
    }

    @Test
    @Order(1)
    void theFirstAdminGetsAOneTimePasswordThatMustBeChanged() {
        Matcher m = Pattern.compile("one-time password (\\S+)").matcher(console());
        assertThat(m.find()).as("the one-time password is printed once").isTrue();
        String oneTime = m.group(1);
        assertThat(m.find()).isFalse();

        Api.Reply first = login("admin", oneTime);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("password_change_required").asBoolean()).isTrue();
        Api restricted = anonymous().withToken(first.json().get("access_token").asText());
        assertThat(restricted.get("/api/v1/market-data/observations").status()).isEqualTo(403);
        assertThat(restricted
                        .get("/api/v1/auth/me")
                        .json()
                        .get("mustChangePassword")
                        .asBoolean())
                .isTrue();

        Api.Reply weak = restricted.put(
                "/api/v1/auth/me/password", "{\"currentPassword\": \"" + oneTime + "\", \"newPassword\": \"short\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("error").asText()).isEqualTo("WEAK_PASSWORD");
        assertThat(restricted
                        .put(
                                "/api/v1/auth/me/password",
                                "{\"currentPassword\": \"" + oneTime + "\", \"newPassword\": \"" + NEW_ADMIN_PASSWORD
                                        + "\"}")
                        .status())
                .isEqualTo(204);

        assertThat(restricted.get("/api/v1/market-data/observations").status()).isEqualTo(200);
        assertThat(login("admin", oneTime).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void thePasswordPolicyNamesTheRuleBroken() {
        Api admin = admin();
        String template = "{\"username\": \"carol\", \"email\": \"carol.smith@example.test\", \"password\": \"%s\", "
                + "\"role\": \"VIEWER\"}";
        for (String[] c : new String[][] {
            {"Short-1", "at least 12"},
            {"carol-has-a-long-one", "username"},
            {"carol.smith-secret-99", "e-mail"},
            {"Password1234", "commonly used"}
        }) {
            Api.Reply reply = admin.postJson("/api/v1/users", template.formatted(c[0]));
            assertThat(reply.status()).as(c[0]).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).isEqualTo("WEAK_PASSWORD");
            assertThat(reply.json().get("details").get(0).get("field").asText()).isEqualTo("password");
            assertThat(reply.json().get("message").asText()).contains(c[1]);
        }
        assertThat(admin.postJson("/api/v1/users", template.formatted(USER_PASSWORD))
                        .status())
                .isEqualTo(201);
        assertThat(admin.postJson("/api/v1/users", template.formatted(USER_PASSWORD))
                        .status())
                .isEqualTo(409);
    }

    @Test
    @Order(3)
    void failedLoginsLockTheNameWithoutRevealingWhetherItExists() throws InterruptedException {
        Api.Reply missing = login("nobody-here", "Wrong-password-0000");
        Api.Reply wrong = login("carol", "Wrong-password-0000");
        assertThat(missing.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(missing.json()).isEqualTo(wrong.json());

        for (int i = 0; i < 4; i++) {
            assertThat(login("carol", "Wrong-password-000" + i).status()).isEqualTo(401);
            login("nobody-here", "Wrong-password-000" + i);
        }
        Api.Reply locked = login("carol", USER_PASSWORD);
        assertThat(locked.status()).as("locked even with the right password").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
        Api.Reply lockedMissing = login("nobody-here", USER_PASSWORD);
        assertThat(lockedMissing.status()).isEqualTo(429);
        assertThat(lockedMissing.json()).isEqualTo(locked.json());

        Thread.sleep(2_200);
        assertThat(login("carol", USER_PASSWORD).status()).as("the lock ends").isEqualTo(200);
        JsonNode lockouts =
                admin().get("/api/v1/audit?action=auth.lockout&actor=carol").json();
        assertThat(lockouts).hasSize(1);
    }

    @Test
    @Order(4)
    void selfRegistrationSendsASingleUseVerificationToken() {
        Api.Reply registered = anonymous()
                .postJson(
                        "/api/v1/auth/register",
                        "{\"username\": \"dave\", \"email\": \"dave@example.test\", \"password\": \"" + USER_PASSWORD
                                + "\"}");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("role").asText()).isEqualTo("VIEWER");
        assertThat(registered.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(registered.json().has("passwordHash")).isFalse();

        LogEmailSender.Email mail = ((JobPricingApplication) APP.getApplication())
                .emailSender()
                .outbox()
                .get(0);
        assertThat(mail.to()).isEqualTo("dave@example.test");
        Matcher token = Pattern.compile("\"token\": \"([^\"]+)\"").matcher(mail.body());
        assertThat(token.find()).isTrue();
        assertThat(console()).as("the verification token is never logged").doesNotContain(token.group(1));
        String body = "{\"token\": \"" + token.group(1) + "\"}";
        Api dave = anonymous()
                .withToken(
                        login("dave", USER_PASSWORD).json().get("access_token").asText());
        assertThat(dave.get("/api/v1/auth/me").json().get("emailVerified").asBoolean())
                .as("signed in before verifying: the server now remembers the account")
                .isFalse();
        assertThat(anonymous().postJson("/api/v1/auth/verify-email", body).status())
                .isEqualTo(204);
        assertThat(anonymous().postJson("/api/v1/auth/verify-email", body).status())
                .as("single use")
                .isEqualTo(400);
        assertThat(dave.get("/api/v1/auth/me").json().get("emailVerified").asBoolean())
                .as("the remembered account is forgotten when the e-mail is verified")
                .isTrue();
    }

    @Test
    @Order(5)
    void roleChangesAndDeactivationTakeEffectOnTheNextRequest() {
        Api admin = admin();
        String daveId = admin.get("/api/v1/users").json().findParents("username").stream()
                .filter(u -> u.get("username").asText().equals("dave"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        Api dave = anonymous()
                .withToken(
                        login("dave", USER_PASSWORD).json().get("access_token").asText());
        assertThat(dave.postJson("/api/v1/pricing/quotes", "{}").status()).isEqualTo(403);

        assertThat(admin.put("/api/v1/users/" + daveId, "{\"role\": \"HR_ANALYST\"}")
                        .status())
                .isEqualTo(200);
        assertThat(dave.postJson("/api/v1/pricing/quotes", "{}").status())
                .as("now allowed: a 400 for the empty body")
                .isEqualTo(400);

        assertThat(admin.put("/api/v1/users/" + daveId, "{\"active\": false}").status())
                .isEqualTo(200);
        assertThat(dave.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(login("dave", USER_PASSWORD).status()).isEqualTo(401);
        JsonNode changes = admin.get("/api/v1/audit?action=user.update").json();
        assertThat(changes.get(0).get("details").asText()).contains("active true -> false");
        assertThat(changes.get(1).get("details").asText()).contains("role VIEWER -> HR_ANALYST");
    }

    @Test
    @Order(6)
    void theLastAdminCannotBeRemovedAndAPasswordChangeEndsOtherSessions() {
        Api admin = admin();
        String adminId = admin.get("/api/v1/auth/me").json().get("id").asText();
        assertThat(admin.put("/api/v1/users/" + adminId, "{\"role\": \"VIEWER\"}")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("LAST_ADMIN");
        assertThat(admin.delete("/api/v1/users/" + adminId).status()).isEqualTo(409);

        String otherSession =
                login("carol", USER_PASSWORD).json().get("refresh_token").asText();
        Api carol = anonymous()
                .withToken(
                        login("carol", USER_PASSWORD).json().get("access_token").asText());
        String changed = "Copper-meadow-signal-3319";
        assertThat(carol.put(
                                "/api/v1/auth/me/password",
                                "{\"currentPassword\": \"wrong-one-entirely\", " + "\"newPassword\": \"" + changed
                                        + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(carol.put(
                                "/api/v1/auth/me/password",
                                "{\"currentPassword\": \"" + USER_PASSWORD + "\", \"newPassword\": \"" + changed
                                        + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(anonymous()
                        .postJson("/api/v1/auth/refresh", "{\"refresh_token\": \"" + otherSession + "\"}")
                        .status())
                .isEqualTo(401);
        assertThat(login("carol", changed).status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void passwordsAndTokensNeverReachTheLogOrTheAuditTrail() {
        String audit = admin().get("/api/v1/audit?limit=1000").text();
        String log = console();
        assertThat(SECRETS_SEEN).isNotEmpty();
        for (String secret : SECRETS_SEEN) {
            assertThat(log).doesNotContain(secret);
            assertThat(audit).doesNotContain(secret);
        }
        for (String password :
                List.of(NEW_ADMIN_PASSWORD, USER_PASSWORD, "Copper-meadow-signal-3319", "Wrong-password-0000")) {
            assertThat(log).doesNotContain(password);
            assertThat(audit).doesNotContain(password);
        }
        assertThat(audit).contains("auth.login", "auth.lockout", "user.create", "auth.password.change");
    }
}
