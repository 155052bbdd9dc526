package org.jobpricing.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit on a real PostgreSQL: every store returns only once its row is there; a bad row fails alone. */
class QuoteWriterTest {

    Jdbi jdbi;
    QuoteWriter writer;

    @BeforeEach
    void start() {
        TestDatabases.Db db = TestDatabases.postgres();
        jdbi = Jdbi.create(db.url(), db.user(), db.password()).installPlugin(new SqlObjectPlugin());
        Migrator.migrate(jdbi);
        writer = new QuoteWriter(
                new QuoteStore(jdbi.onDemand(QuoteDao.class), io.dropwizard.jackson.Jackson.newObjectMapper()),
                Duration.ofSeconds(10));
        writer.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        writer.stop();
    }

    static QuoteDao.Row row(String id) {
        return new QuoteDao.Row(
                id,
                Timestamp.from(Instant.parse("2026-11-28T10:00:00Z")),
                "15-1252",
                "IC3",
                "US",
                "v1",
                "{\"title\": \"" + id + "\"}",
                "{\"id\": \"" + id + "\"}",
                "analyst");
    }

    boolean stored(String id) {
        return jdbi.withExtension(QuoteDao.class, dao -> dao.findResponse(id)).isPresent();
    }

    @Test
    void concurrentStoresAreAllCommittedBeforeTheyReturn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "quote-" + i;
            results.add(pool.submit(() -> {
                writer.store(row(id));
                return stored(id);
            }));
        }
        for (Future<Boolean> r : results) {
            assertThat(r.get()).as("visible as soon as store returned").isTrue();
        }
        pool.shutdown();
        long count = jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM quote").mapTo(Long.class).one());
        assertThat(count).isEqualTo(400);
    }

    @Test
    void aRowThatCannotBeStoredFailsOnlyItsOwnRequest() throws Exception {
        writer.store(row("taken"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> others = new ArrayList<>();
        Future<?> duplicate = pool.submit(() -> writer.store(row("taken")));
        for (int i = 0; i < 50; i++) {
            String id = "fine-" + i;
            others.add(pool.submit(() -> writer.store(row(id))));
        }

        assertThatThrownBy(duplicate::get)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quote taken could not be stored");
        for (Future<?> f : others) {
            f.get();
        }
        pool.shutdown();
        assertThat(stored("fine-0")).isTrue();
        assertThat(stored("fine-49")).isTrue();
    }

    @Test
    void afterStopStoresAreWrittenDirectly() throws Exception {
        writer.stop();

        writer.store(row("late"));

        assertThat(stored("late")).isTrue();
    }
}
