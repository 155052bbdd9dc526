package org.jobpricing.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.metrics.PricingMetrics;
import org.jobpricing.server.rules.RuleEngine;

/** Prices a job: gathers its market data, runs the active rules, stores and returns the quote. */
public final class PricingService {

    private final PricingPipeline pipeline;
    private final RuleEngine engine;
    private final QuoteDao stored;
    private final QuoteWriter quotes;
    private final QuoteStore rows;
    private final ObjectMapper json;
    private final PricingMetrics metrics;

    public PricingService(
            PricingPipeline pipeline,
            RuleEngine engine,
            QuoteDao stored,
            QuoteWriter quotes,
            QuoteStore rows,
            ObjectMapper json,
            PricingMetrics metrics) {
        this.pipeline = pipeline;
        this.engine = engine;
        this.stored = stored;
        this.quotes = quotes;
        this.rows = rows;
        this.json = json;
        this.metrics = metrics;
    }

    /** A priced and stored quote, and its JSON exactly as stored (the answer sends these bytes). */
    public record StoredQuote(QuoteResponse quote, String json) {}

    /** Prices {@code request} for {@code author} (the signed-in username, stored with the quote). */
    public StoredQuote price(PricingRequest request, String author) {
        PricingPipeline.Priced priced = pipeline.price(request, engine.active());
        metrics.quotePriced(priced.evaluationNanos() / 1e9, priced.explanationSteps());
        QuoteResponse quote = priced.quote();
        return new StoredQuote(quote, store(priced.request(), quote, author));
    }

    public QuoteResponse find(String id) {
        String found = stored.findResponse(id).orElseThrow(() -> new EntityNotFoundException("quote", "id", id));
        try {
            return json.readValue(found, QuoteResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote " + id + " is unreadable", e);
        }
    }

    /** Stores the quote (returns once committed) and gives back the JSON stored for it. */
    private String store(PricingRequest request, QuoteResponse quote, String author) {
        try {
            QuoteDao.Row row = rows.row(quote, json.writeValueAsString(request), author);
            quotes.store(row);
            return row.responseJson();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quote request could not be serialised", e);
        }
    }
}
