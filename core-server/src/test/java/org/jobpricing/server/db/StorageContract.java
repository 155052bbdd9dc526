package org.jobpricing.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.server.core.FxRates;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DAOs and migrations, run against a real database of each kind. */
abstract class StorageContract {

    abstract TestDatabases.Db database();

    Jdbi jdbi;

    @BeforeEach
    void migrate() {
        TestDatabases.Db db = database();
        jdbi = Jdbi.create(db.url(), db.user(), db.password()).installPlugin(new SqlObjectPlugin());
        Migrator.migrate(jdbi);
        Migrator.migrate(jdbi);
    }

    static MarketObservation obs(String source, String level, String area, double p50) {
        return new MarketObservation(
                source,
                SourceType.SURVEY,
                "15-1252",
                level,
                "US",
                area,
                "USD",
                PayPeriod.ANNUAL,
                LocalDate.of(2025, 7, 1),
                1.5,
                null,
                p50,
                null,
                null,
                120,
                null);
    }

    @Test
    void observationsRoundTripWithNullsAndEmptyLevelsAndAreas() {
        ObservationDao dao = jdbi.onDemand(ObservationDao.class);
        Instant loaded = Instant.parse("2026-01-01T10:00:00Z");
        dao.upsert(List.of(
                ObservationDao.Row.of(obs("a", null, null, 100.0), "import", loaded),
                ObservationDao.Row.of(obs("a", "IC3", "US-NYC", 110.0), "import", loaded)));

        List<StoredObservation> found = dao.find("15-1252", "US");

        assertThat(found)
                .extracting(StoredObservation::observation)
                .containsExactly(obs("a", null, null, 100.0), obs("a", "IC3", "US-NYC", 110.0));
        assertThat(found.get(0).loadedAt()).isEqualTo(loaded);
        assertThat(dao.find("15-1252", "GB")).isEmpty();
    }

    @Test
    void upsertReplacesTheRowWithTheSameKeyAndKeepsOthers() {
        ObservationDao dao = jdbi.onDemand(ObservationDao.class);
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        dao.upsert(List.of(
                ObservationDao.Row.of(obs("a", null, null, 100.0), "import", now),
                ObservationDao.Row.of(obs("b", null, null, 200.0), "import", now)));

        dao.upsert(List.of(ObservationDao.Row.of(obs("a", null, null, 150.0), "plugin:x", now)));

        assertThat(dao.list(null, null, 10, 0))
                .extracting(
                        s -> s.observation().sourceId() + "=" + s.observation().p50() + "@" + s.origin())
                .containsExactly("a=150.0@plugin:x", "b=200.0@import");
        assertThat(dao.list("15-1252", "US", 1, 1))
                .extracting(s -> s.observation().sourceId())
                .containsExactly("b");
        assertThat(dao.count()).isEqualTo(2);
    }

    @Test
    void aFailedBatchLeavesNothingBehind() {
        ObservationDao dao = jdbi.onDemand(ObservationDao.class);
        Instant now = Instant.now();
        ObservationDao.Row good = ObservationDao.Row.of(obs("c", null, null, 100.0), "import", now);
        ObservationDao.Row tooLong = ObservationDao.Row.of(obs("c".repeat(150), null, null, 100.0), "import", now);

        assertThatThrownBy(() -> dao.upsert(List.of(good, tooLong))).isInstanceOf(RuntimeException.class);

        assertThat(dao.count()).isZero();
    }

    static QuoteDao.Row quoteRow(String id, Instant at, String json, String author) {
        return new QuoteDao.Row(
                id, Timestamp.from(at), "15-1252", "IC3", "US", "v1", "{\"title\": \"a\"}", json, author);
    }

    @Test
    void quotesAreStoredWholeWithEveryCharacterTheirJsonHolds() {
        QuoteDao dao = jdbi.onDemand(QuoteDao.class);
        Instant at = Instant.parse("2026-03-01T09:30:15.123456Z");
        String tricky =
                "{\"title\": \"R&D \\\"lead\\\", Zürich; 50% \\\\ remote\\n2nd line\", \"note\": \"\u00e9\u4e2d\", "
                        + "\"empty\": \"\", \"comma\": \",,\", \"quote\": \"\\\"\\\"\"}\r\n\t\\N";
        List<QuoteDao.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(quoteRow(
                    "q-" + i, at.plusMillis(i), i == 7 ? tricky : "{\"n\": " + i + "}", i % 2 == 0 ? "ana" : null));
        }
        dao.insertAll(rows);

        assertThat(dao.findResponse("q-7")).contains(tricky);
        assertThat(dao.findResponse("q-1199")).contains("{\"n\": 1199}");
        List<QuoteDao.Stored> latest = dao.latest(2);
        assertThat(latest).extracting(QuoteDao.Stored::id).containsExactly("q-1199", "q-1198");
        assertThat(latest.get(0).requestJson()).isEqualTo("{\"title\": \"a\"}");
        QuoteDao.Filter ana = new QuoteDao.Filter(
                null, null, null, "ana", null, Timestamp.from(at), Timestamp.from(at.plusSeconds(60)));
        assertThat(dao.count(ana)).isEqualTo(600);
        QuoteDao.Filter everyone =
                new QuoteDao.Filter(null, null, null, null, null, Timestamp.from(at), Timestamp.from(at.plusMillis(1)));
        assertThat(dao.find(everyone, 10, 0)).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("q-0");
            assertThat(q.author()).isEqualTo("ana");
            assertThat(q.country()).isEqualTo("US");
        });
        Timestamp stored = jdbi.withHandle(h -> h.createQuery("SELECT created_at FROM quote WHERE id = 'q-7'")
                .mapTo(Timestamp.class)
                .one());
        assertThat(stored.toInstant()).isEqualTo(at.plusMillis(7));
        long withoutAuthor = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM quote WHERE author IS NULL")
                .mapTo(Long.class)
                .one());
        assertThat(withoutAuthor).as("no author is NULL, not an empty name").isEqualTo(600);
    }

    /** Whether this database takes bulk rows by COPY. */
    abstract boolean copies();

    @Test
    void theServersConnectionPoolReachesCopyOnPostgresqlAlone() throws Exception {
        TestDatabases.Db db = database();
        io.dropwizard.db.DataSourceFactory factory = new io.dropwizard.db.DataSourceFactory();
        factory.setDriverClass(db.driver());
        factory.setUrl(db.url());
        factory.setUser(db.user());
        factory.setPassword(db.password());
        io.dropwizard.db.ManagedDataSource pool =
                factory.build(new com.codahale.metrics.MetricRegistry(), "storage-test");
        try {
            Jdbi pooled = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
            boolean reached = pooled.withHandle(h -> PostgresCopy.of(h).isPresent());
            assertThat(reached).isEqualTo(copies());
        } finally {
            pool.stop();
        }
    }

    @Test
    void aChunkOfQuotesWithOneBadRowStoresNothing() {
        QuoteDao dao = jdbi.onDemand(QuoteDao.class);
        Instant at = Instant.parse("2026-03-01T09:30:15Z");
        dao.insertAll(List.of(quoteRow("taken", at, "{}", null)));
        List<QuoteDao.Row> rows = List.of(
                quoteRow("new-1", at, "{}", null),
                quoteRow("taken", at, "{}", null),
                quoteRow("new-2", at, "{}", null));

        assertThatThrownBy(() -> dao.insertAll(rows)).isInstanceOf(org.jdbi.v3.core.JdbiException.class);
        assertThat(dao.findResponse("new-1")).isEmpty();
        assertThat(dao.findResponse("new-2")).isEmpty();
        assertThat(dao.latest(10)).extracting(QuoteDao.Stored::id).containsExactly("taken");
    }

    /** {@code n} BLS-like rows of one source, a distinct key each. */
    static List<ObservationDao.Row> rows(String source, int n, Instant at) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(
                        i -> ObservationDao.Row.of(obs(source, null, "US-" + (10000 + i), 1000.0 + i), "plugin:p", at))
                .toList();
    }

    /** Claims a run of plugin p's source s for this server: the job's id. */
    static long claim(MarketJobDao jobs, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jobs.claim(
                        new MarketJobDao.Claiming(
                                "p",
                                "s",
                                "MANUAL",
                                null,
                                at,
                                Timestamp.from(now.plusSeconds(600)),
                                "server-a",
                                "admin"),
                        "[]",
                        "[]")
                .job()
                .orElseThrow();
    }

    static MarketJobDao.JobEnd end(long job, int rows) {
        return new MarketJobDao.JobEnd(job, "OK", null, rows, rows, 0, "[]", null, "cursor-2");
    }

    /** Server a stores plugin p's source s run {@code job}: {@code rows}, cursor "cursor-2", at {@code now}. */
    static void storeRun(MarketJobDao jobs, long job, List<ObservationDao.Row> rows, Instant now) {
        jobs.storeRun(
                "p",
                "s",
                "server-a",
                rows,
                "cursor-2",
                Timestamp.from(now),
                end(job, rows.size()),
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    long rowsIncludingInvisible(String where) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM market_observation" + where)
                .mapTo(Long.class)
                .one());
    }

    long loadsLeft() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM observation_load")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void aFirstLoadOfManyRowsIsStoredInChunksAndAppearsWhole() {
        MarketJobDao jobs = jdbi.onDemand(MarketJobDao.class);
        ObservationDao dao = jdbi.onDemand(ObservationDao.class);
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        int n = 2 * ObservationDao.CHUNK + 17;
        long job = claim(jobs, now);

        storeRun(jobs, job, rows("big", n, now), now);

        assertThat(dao.count()).isEqualTo(n);
        assertThat(dao.countBySource("big")).isEqualTo(n);
        assertThat(dao.find("15-1252", "US")).hasSize(n);
        assertThat(loadsLeft()).isZero();
        assertThat(jobs.state("p", "s").orElseThrow().cursorValue()).isEqualTo("cursor-2");
        assertThat(jobs.state("p", "s").orElseThrow().leaseHolder()).isNull();
        assertThat(jobs.job(job).orElseThrow().status()).isEqualTo("OK");
    }

    @Test
    void rowsOfALoadInProgressAreInvisibleUntilItEnds() {
        ObservationDao dao = jdbi.onDemand(ObservationDao.class);
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        dao.upsert(List.of(ObservationDao.Row.of(obs("old", null, null, 100.0), "import", now)));
        long load = dao.startLoad("p", "s", Timestamp.from(now));
        dao.insertChunk(rows("big", 30, now), load);

        assertThat(dao.count()).isEqualTo(1);
        assertThat(dao.find("15-1252", "US"))
                .extracting(o -> o.observation().sourceId())
                .containsExactly("old");
        assertThat(dao.list(null, null, 100, 0)).hasSize(1);
        assertThat(dao.countBySource("big")).isZero();

        assertThat(dao.endLoad(load)).isEqualTo(1);

        assertThat(dao.count()).isEqualTo(31);
        assertThat(dao.find("15-1252", "US")).hasSize(31);
    }

    @Test
    void aLoadLeftByAStoppedServerIsDeletedByTheSourcesNextRun() {
        MarketJobDao jobs = jdbi.onDemand(MarketJobDao.class);
        ObservationDao dao = jdbi.onDemand(ObservationDao.class);
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        // a server stopped after two chunks of the same rows the next run brings (same keys)
        long stale = dao.startLoad("p", "s", Timestamp.from(now));
        List<ObservationDao.Row> rows = rows("big", ObservationDao.CHUNK + 5, now);
        dao.insertChunk(rows.subList(0, ObservationDao.CHUNK), stale);
        dao.insertChunk(rows.subList(ObservationDao.CHUNK, rows.size()), stale);
        long other = dao.startLoad("p", "other-source", Timestamp.from(now));
        dao.insertChunk(rows("theirs", 3, now), other);
        long job = claim(jobs, now);

        storeRun(jobs, job, rows, now);

        assertThat(dao.countBySource("big")).isEqualTo(rows.size());
        assertThat(rowsIncludingInvisible(" WHERE source_id = 'big'"))
                .as("the stale load's rows are gone, not kept beside the new ones")
                .isEqualTo(rows.size());
        assertThat(dao.loads("p", "s")).isEmpty();
        assertThat(dao.loads("p", "other-source"))
                .as("another source's load is not touched")
                .containsExactly(other);
        assertThat(dao.countBySource("theirs")).isZero();
    }

    @Test
    void aLoadThatFailsInItsSecondChunkLeavesNothingAndKeepsTheCursor() {
        MarketJobDao jobs = jdbi.onDemand(MarketJobDao.class);
        ObservationDao dao = jdbi.onDemand(ObservationDao.class);
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        dao.upsert(List.of(ObservationDao.Row.of(obs("old", null, null, 100.0), "import", now)));
        List<ObservationDao.Row> rows = new java.util.ArrayList<>(rows("big", ObservationDao.CHUNK + 10, now));
        rows.set(
                ObservationDao.CHUNK + 3,
                ObservationDao.Row.of(obs("big", "x".repeat(50), null, 1.0), "plugin:p", now));
        long job = claim(jobs, now);

        assertThatThrownBy(() -> storeRun(jobs, job, rows, now)).isInstanceOf(RuntimeException.class);

        assertThat(rowsIncludingInvisible(""))
                .as("the first chunk, committed, is deleted again")
                .isEqualTo(1);
        assertThat(loadsLeft()).isZero();
        assertThat(jobs.state("p", "s").orElseThrow().cursorValue()).isNull();
        assertThat(jobs.job(job).orElseThrow().status()).isEqualTo("RUNNING");
    }

    @Test
    void fxRatesUseTheLatestOnOrBeforeTheDateOrTheInverseButNoCrossRates() {
        FxRateDao dao = jdbi.onDemand(FxRateDao.class);
        Timestamp now = Timestamp.from(Instant.now());
        dao.upsert(List.of(
                new FxRateDao.Row(LocalDate.of(2026, 1, 2), "USD", "SGD", 1.31, now),
                new FxRateDao.Row(LocalDate.of(2026, 6, 30), "USD", "SGD", 1.35, now),
                new FxRateDao.Row(LocalDate.of(2026, 1, 2), "EUR", "USD", 1.10, now)));
        FxRates rates = new FxRates(dao);

        assertThat(rates.rate("USD", "SGD", LocalDate.of(2026, 7, 1))).contains(1.35);
        assertThat(rates.rate("USD", "SGD", LocalDate.of(2026, 6, 29))).contains(1.31);
        assertThat(rates.rate("USD", "SGD", LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(rates.rate("SGD", "USD", LocalDate.of(2026, 7, 1))).contains(1 / 1.35);
        assertThat(rates.rate("EUR", "SGD", LocalDate.of(2026, 7, 1)))
                .as("no cross rate via USD")
                .isEmpty();
        assertThat(rates.rate("SGD", "SGD", LocalDate.of(2000, 1, 1))).contains(1.0);
    }
}
