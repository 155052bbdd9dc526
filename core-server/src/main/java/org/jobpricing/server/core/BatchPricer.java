package org.jobpricing.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.core.batch.BatchInput;
import org.jobpricing.server.core.batch.BatchOutcome;
import org.jobpricing.server.core.batch.BatchSink;
import org.jobpricing.server.core.batch.BatchSummary;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InternalFailureException;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.metrics.PricingMetrics;
import org.jobpricing.server.rules.CompiledRuleSet;

/**
 * Prices a stream of requests through the pricing pipeline into a stream of outcomes, one per input row, a bad
 * row answered with its error instead of failing the batch (formats: resources/batch). Quotes are
 * stored in chunks before their lines are written, so no returned quote is ever lost; memory stays
 * flat whatever the batch size. The whole batch uses one rule-set version.
 */
public final class BatchPricer {

    public static final int MAX_ROWS = 100_000;
    static final int CHUNK = 500;

    private final PricingPipeline pipeline;
    private final QuoteStore store;
    private final ObjectMapper json;
    private final Validator validator;
    private final PricingMetrics metrics;

    public BatchPricer(
            PricingPipeline pipeline,
            QuoteStore store,
            ObjectMapper json,
            Validator validator,
            PricingMetrics metrics) {
        this.pipeline = pipeline;
        this.store = store;
        this.json = json;
        this.validator = validator;
        this.metrics = metrics;
    }

    /** One output line waiting for its chunk to be stored. */
    private record Output(BatchOutcome outcome, String requestJson) {
        static Output failed(long line, DomainException error) {
            return new Output(new BatchOutcome(line, null, error), null);
        }
    }

    /**
     * Prices every input under {@code rules}, storing the quotes with {@code author} (null: the offline command)
     * and handing each stored chunk's outcomes to {@code sink}, in input order.
     */
    public BatchSummary price(
            Iterator<BatchInput> inputs, BatchSink sink, CompiledRuleSet rules, String author, LongConsumer progress)
            throws IOException {
        long started = System.nanoTime();
        sink.start();
        long lines = 0;
        long failed = 0;
        List<Output> chunk = new ArrayList<>(CHUNK);
        // one chunk is stored and written on a second thread while the next one is priced; at most two
        // chunks are held, and chunks reach the client in order, each only once it is stored
        ExecutorService storing = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "batch-store");
            t.setDaemon(true);
            return t;
        });
        Future<?> previous = null;
        try {
            while (inputs.hasNext()) {
                BatchInput input = inputs.next();
                lines++;
                if (lines > MAX_ROWS) {
                    String tooMany = "a batch holds at most " + MAX_ROWS + " requests; the rest was not read";
                    chunk.add(Output.failed(
                            input.line(),
                            new InvalidInputException(
                                    "BATCH_TOO_LARGE", tooMany, List.of(new Problem(input.line(), null, tooMany)))));
                    failed++;
                    break;
                }
                Output output = priceOne(input, rules);
                failed += output.outcome().error() == null ? 0 : 1;
                chunk.add(output);
                if (chunk.size() == CHUNK) {
                    awaitStored(previous);
                    List<Output> full = chunk;
                    previous = storing.submit(() -> {
                        flush(full, sink, author);
                        return null;
                    });
                    chunk = new ArrayList<>(CHUNK);
                    progress.accept(lines - CHUNK);
                }
            }
            awaitStored(previous);
            flush(chunk, sink, author);
        } finally {
            storing.shutdown(); // never interrupt a chunk being stored: H2 closes its file on an interrupt
        }
        BatchSummary summary = new BatchSummary(
                Math.min(lines, MAX_ROWS + 1),
                Math.min(lines, MAX_ROWS + 1) - failed,
                failed,
                (System.nanoTime() - started) / 1e9);
        sink.finish(summary);
        progress.accept(lines);
        return summary;
    }

    private Output priceOne(BatchInput input, CompiledRuleSet rules) {
        if (input.unreadable() != null) {
            return Output.failed(input.line(), input.unreadable());
        }
        try {
            PricingRequest request = input.request();
            List<FieldError> invalid = new ArrayList<>();
            for (ConstraintViolation<PricingRequest> v : validator.validate(request)) {
                invalid.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
            }
            if (!invalid.isEmpty()) {
                throw new InvalidInputException("INVALID_REQUEST", invalid.size() + " field(s) invalid", invalid);
            }
            // what is stored is what was priced, as for a single quote
            PricingPipeline.Priced priced = pipeline.price(request, rules);
            metrics.quotePriced(priced.evaluationNanos() / 1e9, priced.explanationSteps());
            return new Output(
                    new BatchOutcome(input.line(), priced.quote(), null), json.writeValueAsString(priced.request()));
        } catch (DomainException e) {
            return Output.failed(input.line(), e);
        } catch (RuntimeException | JsonProcessingException e) {
            return Output.failed(
                    input.line(),
                    new InternalFailureException(
                            "INTERNAL_ERROR",
                            "this row could not be priced: " + e.getClass().getSimpleName(),
                            List.of()));
        }
    }

    /** Waits for the previous chunk to be stored and written; its failure fails the batch here. */
    private static void awaitStored(Future<?> previous) throws IOException {
        if (previous == null) {
            return;
        }
        try {
            previous.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while storing a chunk");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stores the chunk's quotes, then writes its lines: a line reaches the client only once stored. */
    private void flush(List<Output> chunk, BatchSink sink, String author) throws IOException {
        List<QuoteDao.Row> rows = new ArrayList<>();
        List<BatchOutcome> outcomes = new ArrayList<>(chunk.size());
        for (Output o : chunk) {
            if (o.outcome().quote() != null) {
                rows.add(store.row(o.outcome().quote(), o.requestJson(), author));
            }
            outcomes.add(o.outcome());
        }
        store.storeAll(rows);
        sink.write(outcomes);
        chunk.clear();
    }
}
