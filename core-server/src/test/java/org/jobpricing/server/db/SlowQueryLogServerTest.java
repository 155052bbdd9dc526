package org.jobpricing.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ConsoleCapture;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's own JDBI reports a statement held up by a lock (config.yml's default threshold, 200 ms):
 * a WARN line with the SQL but not the bound user id, and db_slow_queries_total on the admin /metrics.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlowQueryLogServerTest {

    static final ConsoleCapture CONSOLE = ConsoleCapture.start();
    static final TestDatabases.Db DB = TestDatabases.postgres();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.appWithoutStartupRefresh(DB);
    static final String STATEMENT = "UserLookup.byId";

    @Test
    void aUserLookupWaitingOnALockIsLoggedAndCounted() throws Exception {
        Api admin = TestUsers.admin(APP);
        String adminId = admin.get("/api/v1/auth/me").json().get("id").asText();
        double before = slowCount();
        CompletableFuture<Api.Reply> me;

        try (Connection locker = DriverManager.getConnection(DB.url(), DB.user(), DB.password());
                Connection watcher = DriverManager.getConnection(DB.url(), DB.user(), DB.password())) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE");
            }
            // an account read from the database (GET /auth/me answers from the account cache)
            me = CompletableFuture.supplyAsync(() -> admin.get("/api/v1/users/" + adminId));
            waitForABlockedStatement(watcher);
            Thread.sleep(400);
            locker.commit();
        }

        assertThat(me.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(slowCount()).isEqualTo(before + 1);
        List<String> lines = CONSOLE.text()
                .lines()
                .filter(l -> l.contains("slow query:") && l.contains("[" + STATEMENT + "]"))
                .toList();
        assertThat(lines).hasSize(1);
        Matcher took =
                Pattern.compile("slow query: (\\d+) ms \\(threshold 200 ms\\)").matcher(lines.get(0));
        assertThat(took.find()).as(lines.get(0)).isTrue();
        assertThat(Long.parseLong(took.group(1))).isGreaterThanOrEqualTo(400);
        assertThat(lines.get(0)).contains("FROM app_user WHERE id = :id").doesNotContain(adminId);
    }

    /**
     * Until the server's lookup is queued behind the lock (so the 400 ms above are all waiting time). The
     * watcher runs outside the locker's transaction: pg_stat_activity keeps one snapshot per transaction.
     */
    private static void waitForABlockedStatement(Connection watcher) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (Statement s = watcher.createStatement();
                    ResultSet r =
                            s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                    + "AND wait_event_type = 'Lock' AND query LIKE '%FROM app_user%'")) {
                r.next();
                if (r.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server's user lookup never waited on the lock");
    }

    /** db_slow_queries_total{statement="UserLookup.byId"} from the admin port, 0 before the first. */
    private static double slowCount() {
        Api.Reply metrics = new Api(APP.getAdminPort()).get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        Matcher m = Pattern.compile(
                        "^db_slow_queries_total\\{statement=\"" + Pattern.quote(STATEMENT) + "\"} (\\S+)$",
                        Pattern.MULTILINE)
                .matcher(metrics.text());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
