package org.jobpricing.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.metrics.BusinessMetrics;
import org.jobpricing.server.rules.RuleEngine;

/** Prices a job: gathers its market data, runs the active rules, stores and returns the quote. */
public final class PricingService {

    private final Jdbi jdbi;
    private final MarketDataCache cache;
    private final RuleEngine engine;
    private final ObjectMapper json;
    private final BusinessMetrics metrics;
    private final Enrichment enrichment;
    private final Staleness staleness;
    private final QuoteWriter quotes;
    private final Clock clock;

    public PricingService(
            Jdbi jdbi,
            MarketDataCache cache,
            RuleEngine engine,
            ObjectMapper json,
            BusinessMetrics metrics,
            Enrichment enrichment,
            Staleness staleness,
            QuoteWriter quotes,
            Clock clock) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.engine = engine;
        this.json = json;
        this.metrics = metrics;
        this.enrichment = enrichment;
        this.staleness = staleness;
        this.quotes = quotes;
        this.clock = clock;
    }

    /** A priced and stored quote, and its JSON exactly as stored (the answer sends these bytes). */
    public record StoredQuote(QuoteResponse quote, String json) {}

    /** Prices {@code request} for {@code author} (the signed-in username, stored with the quote). */
    public StoredQuote price(PricingRequest request, String author) {
        Trace trace = new Trace();
        // what is stored is what was priced: a replay or a what-if sees the inferred occupation and skills
        PricingRequest enriched = enrichment.enrich(request, trace);
        JobSpec spec = JobSpecs.of(enriched, clock);
        List<MarketObservation> observations = observations(spec);
        long started = System.nanoTime();
        PricingCalculator.Priced priced =
                PricingCalculator.price(spec, observations, cache.fx(), engine.active(), trace);
        staleness.check(spec, priced.result());
        metrics.quotePriced(
                (System.nanoTime() - started) / 1e9,
                priced.result().getTrace().steps().size());
        Instant now = clock.instant();
        QuoteResponse quote = QuoteAssembler.assemble(
                UUID.randomUUID().toString(), now, spec, priced.result(), priced.rulesetVersion());
        return new StoredQuote(quote, store(enriched, quote, now, author));
    }

    /** The stored observations of the job's occupation and country. */
    public List<MarketObservation> observations(JobSpec spec) {
        return cache.observations(spec.occupationCode(), spec.country());
    }

    public QuoteResponse find(String id) {
        String stored = jdbi.withExtension(QuoteDao.class, dao -> dao.findResponse(id))
                .orElseThrow(() -> new EntityNotFoundException("quote", "id", id));
        try {
            return json.readValue(stored, QuoteResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote " + id + " is unreadable", e);
        }
    }

    /** Stores the quote (returns once committed) and gives back the JSON stored for it. */
    private String store(PricingRequest request, QuoteResponse quote, Instant now, String author) {
        try {
            String quoteJson = json.writeValueAsString(quote);
            QuoteDao.Row row = new QuoteDao.Row(
                    quote.id(),
                    Timestamp.from(now),
                    quote.occupationCode(),
                    quote.level(),
                    quote.country(),
                    quote.rulesetVersion(),
                    json.writeValueAsString(request),
                    quoteJson,
                    author);
            quotes.store(row);
            return quoteJson;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quote could not be serialised", e);
        }
    }
}
