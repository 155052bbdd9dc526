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
