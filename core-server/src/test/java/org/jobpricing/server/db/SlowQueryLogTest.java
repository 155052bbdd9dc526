package org.jobpricing.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real slow statements on H2 (a sleeping Java function) and PostgreSQL (pg_sleep): logged and counted. */
public class SlowQueryLogTest {

    /** The slow-query log's own events, whatever logging an earlier test in this JVM left configured. */
    static final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> EVENTS = capture();

    static ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> capture() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SlowQueryLog.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        logger.addAppender(events);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        return events;
    }

    static String logged() {
        synchronized (EVENTS) {
            return String.join(
                    "\n",
                    EVENTS.list.stream()
                            .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
                            .toList());
        }
    }

    static final String SECRET = "bound-value-that-must-not-be-logged";
    static Jdbi postgres;

    /** A statement that sleeps inside the database. */
    public interface SleepDao {
        @SqlQuery("SELECT SLEEP_MS(:millis) + LENGTH(:secret)")
        int sleep(@Bind("millis") int millis, @Bind("secret") String secret);

        @SqlQuery("SELECT SLEEP_MS(:millis) / 0")
        int sleepThenFail(@Bind("millis") int millis);
    }

    /** Called by H2 as SLEEP_MS(millis). */
    public static int sleepMs(int millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    @BeforeAll
    static void postgres() {
        TestDatabases.Db pg = TestDatabases.postgres();
        postgres = Jdbi.create(pg.url(), pg.user(), pg.password());
    }

    /** A fresh H2 database with SLEEP_MS; fresh so each test's log sits alone in front of JDBI's. */
    static Jdbi h2WithSleep() {
        TestDatabases.Db db = TestDatabases.h2();
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password()).installPlugin(new SqlObjectPlugin());
        jdbi.useHandle(h -> h.execute("CREATE ALIAS SLEEP_MS FOR '" + SlowQueryLogTest.class.getName() + ".sleepMs'"));
        return jdbi;
    }

    @Test
    void aSlowDaoStatementIsLoggedWithItsDurationAndSqlButNotItsValuesAndCounted() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Jdbi jdbi = h2WithSleep();
        SlowQueryLog.install(jdbi, Duration.ofMillis(100), registry);

        int answer = jdbi.withExtension(SleepDao.class, dao -> dao.sleep(300, SECRET));

        assertThat(answer).isEqualTo(300 + SECRET.length());
        String line = slowQueryLine("[SleepDao.sleep]");
        assertThat(millisIn(line)).isGreaterThanOrEqualTo(300);
        assertThat(line)
                .contains("(threshold 100 ms)")
                .contains("SELECT SLEEP_MS(:millis) + LENGTH(:secret)")
                .doesNotContain(SECRET);
        assertThat(logged()).doesNotContain(SECRET);
        assertThat(slowCount(registry, "SleepDao.sleep")).isEqualTo(1.0);
    }

    @Test
    void aSlowStatementThatFailsIsLoggedWithItsSqlStateAndCounted() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Jdbi jdbi = h2WithSleep();
        SlowQueryLog.install(jdbi, Duration.ofMillis(100), registry);

        assertThatThrownBy(() -> jdbi.withExtension(SleepDao.class, dao -> dao.sleepThenFail(250)))
                .isInstanceOf(StatementException.class);

        String line = slowQueryLine("[SleepDao.sleepThenFail]");
        assertThat(millisIn(line)).isGreaterThanOrEqualTo(250);
        assertThat(line).contains("failed with SQL state 22012").contains("SELECT SLEEP_MS(:millis) / 0");
        assertThat(slowCount(registry, "SleepDao.sleepThenFail")).isEqualTo(1.0);
    }

    @Test
    void aStatementUnderTheThresholdIsNeitherLoggedNorCounted() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Jdbi jdbi = Jdbi.create(TestDatabases.h2().url(), "sa", "");
        SlowQueryLog.install(jdbi, Duration.ofSeconds(30), registry);

        int one = jdbi.withHandle(h -> h.createQuery("SELECT 1 AS under_threshold_check")
                .mapTo(Integer.class)
                .one());

        assertThat(one).isEqualTo(1);
        assertThat(logged()).doesNotContain("under_threshold_check");
        assertThat(registry.scrape().stream()
                        .filter(s -> s.getMetadata().getName().equals("db_slow_queries"))
                        .flatMap(s -> ((CounterSnapshot) s).getDataPoints().stream())
                        .toList())
                .isEmpty();
    }

    @Test
    void aSlowPlainStatementOnPostgresIsNamedAfterTheCodeThatRanIt() {
        PrometheusRegistry registry = new PrometheusRegistry();
        SlowQueryLog.install(postgres, Duration.ofMillis(100), registry);

        int length = postgres.withHandle(h -> h.createQuery("SELECT length(:secret) FROM pg_sleep(:seconds)")
                .bind("secret", SECRET)
                .bind("seconds", 0.3)
                .mapTo(Integer.class)
                .one());

        assertThat(length).isEqualTo(SECRET.length());
        String line = slowQueryLine("[SlowQueryLogTest.aSlowPlainStatementOnPostgresIsNamedAfterTheCodeThatRanIt]");
        assertThat(millisIn(line)).isGreaterThanOrEqualTo(300);
        assertThat(line)
                .contains("SELECT length(:secret) FROM pg_sleep(:seconds)")
                .doesNotContain(SECRET);
        assertThat(slowCount(registry, "SlowQueryLogTest.aSlowPlainStatementOnPostgresIsNamedAfterTheCodeThatRanIt"))
                .isEqualTo(1.0);
    }

    /** The one console line of a slow statement named {@code name}. */
    static String slowQueryLine(String name) {
        List<String> lines = logged().lines()
                .filter(l -> l.contains("slow query:") && l.contains(name))
                .toList();
        assertThat(lines).as("slow-query lines for " + name).hasSize(1);
        assertThat(lines.get(0)).contains("WARN");
        return lines.get(0);
    }

    static long millisIn(String line) {
        Matcher m = Pattern.compile("slow query: (\\d+) ms").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** db_slow_queries_total for one statement label (the snapshot names counters without _total). */
    static double slowCount(PrometheusRegistry registry, String statement) {
        return registry.scrape().stream()
                .filter(s -> s.getMetadata().getName().equals("db_slow_queries"))
                .flatMap(s -> ((CounterSnapshot) s).getDataPoints().stream())
                .filter(d -> statement.equals(d.getLabels().get("statement")))
                .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue)
                .sum();
    }
}
