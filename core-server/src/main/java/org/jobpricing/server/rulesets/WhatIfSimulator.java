package org.jobpricing.server.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.api.RuleSetViews;
import org.jobpricing.server.core.JobSpec;
import org.jobpricing.server.core.JobSpecs;
import org.jobpricing.server.core.PricingPipeline;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.rules.CompiledRuleSet;

/**
 * Re-prices stored quotes (or given requests) under a candidate version and under the active one, on
 * today's market data, so the difference is the rules' alone.
 */
public final class WhatIfSimulator {

    public static final int MAX_QUOTES = 1000;

    private final QuoteDao quotes;
    private final PricingPipeline pipeline;
    private final ObjectMapper json;
    private final Clock clock;

    public WhatIfSimulator(QuoteDao quotes, PricingPipeline pipeline, ObjectMapper json, Clock clock) {
        this.quotes = quotes;
        this.pipeline = pipeline;
        this.json = json;
        this.clock = clock;
    }

    /** One job to re-price: the stored quote's id (or "request-N") and its request with the as-of date fixed. */
    private record Job(String id, PricingRequest request) {}

    public RuleSetViews.Simulation simulate(
            CompiledRuleSet candidate, CompiledRuleSet active, RuleSetViews.SimulationRequest input) {
        List<Job> jobs = jobs(input);
        List<RuleSetViews.QuoteDelta> deltas = new ArrayList<>();
        for (Job job : jobs) {
            deltas.add(delta(job, candidate, active));
        }
        List<RuleSetViews.QuoteDelta> priced =
                deltas.stream().filter(d -> d.error() == null).toList();
        return new RuleSetViews.Simulation(
                candidate.version(),
                active.version(),
                movement(priced),
                grouped(priced, RuleSetViews.QuoteDelta::level),
                grouped(priced, RuleSetViews.QuoteDelta::country),
                deltas);
    }

    private List<Job> jobs(RuleSetViews.SimulationRequest input) {
        if (input != null && input.requests() != null && !input.requests().isEmpty()) {
            if (input.requests().size() > MAX_QUOTES) {
                throw new InvalidInputException(
                        "TOO_MANY",
                        "at most " + MAX_QUOTES + " requests",
                        List.of(new org.jobpricing.server.failures.FieldError("requests", "at most " + MAX_QUOTES)));
            }
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < input.requests().size(); i++) {
                jobs.add(new Job("request-" + (i + 1), input.requests().get(i)));
            }
            return jobs;
        }
        int limit = input == null || input.limit() == null ? 100 : Math.max(1, Math.min(MAX_QUOTES, input.limit()));
        List<Job> jobs = new ArrayList<>();
        for (QuoteDao.Stored stored : quotes.latest(limit)) {
            try {
                PricingRequest r = json.readValue(stored.requestJson(), PricingRequest.class);
                QuoteResponse q = json.readValue(stored.responseJson(), QuoteResponse.class);
                jobs.add(new Job(
                        stored.id(),
                        new PricingRequest(
                                r.title(),
                                r.occupationCode(),
                                r.level(),
                                r.country(),
                                r.area(),
                                r.currency(),
                                q.asOf(),
                                r.skills(),
                                r.description())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored quote " + stored.id() + " is unreadable", e);
            }
        }
        return jobs;
    }

    private RuleSetViews.QuoteDelta delta(Job job, CompiledRuleSet candidate, CompiledRuleSet active) {
        JobSpec spec;
        try {
            spec = JobSpecs.of(job.request(), clock);
        } catch (DomainException e) {
            return new RuleSetViews.QuoteDelta(
                    job.id(), job.request().level(), job.request().country(), null, null, null, null, e.code());
        }
        QuoteResponse.Band before;
        QuoteResponse.Band after;
        try {
            before = pipeline.price(job.request(), active).quote().band();
        } catch (DomainException e) {
            return new RuleSetViews.QuoteDelta(
                    job.id(), spec.level(), spec.country(), null, null, null, null, "active rules: " + e.code());
        }
        try {
            after = pipeline.price(job.request(), candidate).quote().band();
        } catch (DomainException e) {
            return new RuleSetViews.QuoteDelta(
                    job.id(),
                    spec.level(),
                    spec.country(),
                    before,
                    null,
                    null,
                    null,
                    candidate.version() + ": " + e.code());
        }
        BigDecimal change = after.mid().subtract(before.mid());
        BigDecimal percent = before.mid().signum() == 0
                ? null
                : change.multiply(BigDecimal.valueOf(100)).divide(before.mid(), 2, RoundingMode.HALF_UP);
        return new RuleSetViews.QuoteDelta(
                job.id(), spec.level(), spec.country(), before, after, change, percent, null);
    }

    private static Map<String, RuleSetViews.Movement> grouped(
            List<RuleSetViews.QuoteDelta> deltas, Function<RuleSetViews.QuoteDelta, String> key) {
        return deltas.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> movement(e.getValue()), (a, b) -> a, TreeMap::new));
    }

    private static RuleSetViews.Movement movement(List<RuleSetViews.QuoteDelta> deltas) {
        int moved = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumPercent = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (RuleSetViews.QuoteDelta d : deltas) {
            boolean bandMoved = d.before().min().compareTo(d.after().min()) != 0
                    || d.before().mid().compareTo(d.after().mid()) != 0
                    || d.before().max().compareTo(d.after().max()) != 0;
            moved += bandMoved ? 1 : 0;
            sum = sum.add(d.midChange());
            sumPercent = sumPercent.add(d.midChangePercent() == null ? BigDecimal.ZERO : d.midChangePercent());
            if (d.midChange().abs().compareTo(max.abs()) > 0) {
                max = d.midChange();
            }
        }
        BigDecimal n = BigDecimal.valueOf(Math.max(1, deltas.size()));
        return new RuleSetViews.Movement(
                deltas.size(),
                moved,
                sum.divide(n, 2, RoundingMode.HALF_UP),
                max,
                sumPercent.divide(n, 2, RoundingMode.HALF_UP));
    }
}
