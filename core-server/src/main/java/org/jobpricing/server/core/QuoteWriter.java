package org.jobpricing.server.core;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jobpricing.server.db.QuoteDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores single quotes with group commit: a request hands its row over and waits; one writer thread
 * takes every row waiting (up to a batch) and inserts them in one transaction, then releases their
 * requests. A quote is answered only after its row is committed, so no quote returned to a client is
 * ever lost; under load many quotes share one transaction instead of each paying for its own.
 */
public final class QuoteWriter implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteWriter.class);
    private static final int MAX_BATCH = 256;

    private record Pending(QuoteDao.Row row, CompletableFuture<Void> stored) {}

    private final QuoteStore store;
    private final Duration wait;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4 * MAX_BATCH);
    private volatile boolean running;
    private Thread writer;

    /** {@code wait}: how long a request waits for its row to be committed before it fails (500). */
    public QuoteWriter(QuoteStore store, Duration wait) {
        this.store = store;
        this.wait = wait;
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::run, "quote-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false; // no interrupt: H2 closes its file when a thread using it is interrupted
        writer.join(wait.toMillis());
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            write(left);
        }
    }

    /** Stores the row; returns once it is committed, throws when it could not be. */
    public void store(QuoteDao.Row row) {
        if (!running) {
            store.storeAll(List.of(row));
            return;
        }
        Pending pending = new Pending(row, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "quote store is saturated: not queued within " + wait.toMillis() + " ms");
            }
            pending.stored().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing quote " + row.id(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("quote " + row.id() + " could not be stored", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("quote " + row.id() + " not stored within " + wait.toMillis() + " ms", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; when it fails, each row alone, so one bad row fails only its request. */
    private void write(List<Pending> batch) {
        try {
            List<QuoteDao.Row> rows = batch.stream().map(Pending::row).toList();
            store.storeAll(rows);
            batch.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                LOG.error(
                        "storing quote {} failed; its request gets an error",
                        batch.get(0).row().id(),
                        e);
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            for (Pending p : batch) {
                write(List.of(p));
            }
        }
    }
}
