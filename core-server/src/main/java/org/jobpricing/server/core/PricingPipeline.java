package org.jobpricing.server.core;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.rules.CompiledRuleSet;

/**
 * Prices one request, the one way every use case does (quote, batch, what-if, scenario tests, the price
 * command): enrich, resolve, select, evaluate, assemble. The quote it answers is what the rules made of the
 * request as enriched, and the enriched request is what a caller stores, so a replay gives the same figures.
 */
public final class PricingPipeline {

    /** Fills in what the request leaves out (occupation, skills), tracing each inference. */
    @FunctionalInterface
    public interface Enricher {
        Enricher NONE = (request, trace) -> request;

        PricingRequest enrich(PricingRequest request, Trace trace);
    }

    /** The market data a job is priced on: its observations and the FX rates. */
    public interface Market {
        /**
         * The observations a job of this occupation and country can use: those of the whole country, of
         * {@code area} and of {@code region} (either may be null); a market may answer more, never less.
         */
        List<MarketObservation> observations(String occupationCode, String country, String area, String region);

        FxLookup fx();
    }

    /** Checks the result after evaluation (data past its age limit), adding warnings to its trace. */
    @FunctionalInterface
    public interface Check {
        Check NONE = (spec, result) -> {};

        void check(JobSpec spec, PricingResult result);
    }

    /** A priced request: the request as priced (enriched), its resolved spec, the quote and the rules' time. */
    public record Priced(PricingRequest request, JobSpec spec, QuoteResponse quote, long evaluationNanos) {

        public int explanationSteps() {
            return quote.explanation().size();
        }
    }

    private final Enricher enricher;
    private final Market market;
    private final Check check;
    private final Clock clock;

    public PricingPipeline(Enricher enricher, Market market, Check check, Clock clock) {
        this.enricher = enricher;
        this.market = market;
        this.check = check;
        this.clock = clock;
    }

    /** A pipeline on given data only: no enrichment, no age check (scenario tests). */
    public static PricingPipeline offline(Market market, Clock clock) {
        return new PricingPipeline(Enricher.NONE, market, Check.NONE, clock);
    }

    /** Prices {@code request} under {@code rules}; throws a domain failure when it cannot be priced. */
    public Priced price(PricingRequest request, CompiledRuleSet rules) {
        Trace trace = new Trace();
        PricingRequest enriched = enricher.enrich(request, trace);
        JobSpec spec = JobSpecs.of(enriched, clock);
        String region = spec.area() == null ? null : rules.areas().regionOf(spec.area());
        List<MarketObservation> observations =
                market.observations(spec.occupationCode(), spec.country(), spec.area(), region);
        long started = System.nanoTime();
        PricingCalculator.Priced priced = PricingCalculator.price(spec, observations, market.fx(), rules, trace);
        long evaluation = System.nanoTime() - started;
        check.check(spec, priced.result());
        QuoteResponse quote = QuoteAssembler.assemble(
                UUID.randomUUID().toString(), clock.instant(), spec, priced.result(), priced.rulesetVersion());
        return new Priced(enriched, spec, quote, evaluation);
    }
}
