package org.jobpricing.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.db.FxRateDao;
import org.jobpricing.server.db.ObservationDao;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.db.StoredObservation;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.errors.FieldError;
import org.jobpricing.server.rules.RuleEngine;
import org.jobpricing.server.rules.RuleEvaluationException;

/** Prices a job: gathers its market data, runs the active rules, stores and returns the quote. */
public final class PricingService {

    private final Jdbi jdbi;
    private final RuleEngine engine;
    private final ObjectMapper json;
    private final Clock clock;

    public PricingService(Jdbi jdbi, RuleEngine engine, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.json = json;
        this.clock = clock;
    }

    public QuoteResponse price(PricingRequest request) {
        JobSpec spec = normalise(request);
        Trace trace = new Trace();
        List<MarketObservation> observations = jdbi.withExtension(ObservationDao.class,
                dao -> dao.find(spec.occupationCode(), spec.country())).stream()
                .map(StoredObservation::observation).toList();
        List<MarketCandidate> candidates = CandidateSelector.select(spec, observations,
                new FxRates(jdbi.onDemand(FxRateDao.class)), trace);
        PricingJob job = new PricingJob(spec.occupationCode(), spec.level(), spec.country(), spec.area(),
                spec.currency(), spec.asOf(), trace);
        List<JobSkill> skills = spec.skills().stream().map(s -> new JobSkill(s, trace)).toList();
        RuleEngine.Evaluation evaluation;
        try {
            evaluation = engine.evaluate(job, candidates, skills, trace);
        } catch (RuleEvaluationException e) {
            throw new ApiException(500, "RULESET_ERROR", e.getMessage(), List.of());
        }
        PricingResult result = evaluation.result();
        rejectIfNeeded(spec, result);
        Instant now = clock.instant();
        QuoteResponse quote = QuoteAssembler.assemble(UUID.randomUUID().toString(), now, spec, result,
                evaluation.rulesetVersion());
        store(request, quote, now);
        return quote;
    }

    public QuoteResponse find(String id) {
        String stored = jdbi.withExtension(QuoteDao.class, dao -> dao.findResponse(id))
                .orElseThrow(() -> ApiException.notFound("quote " + id));
        try {
            return json.readValue(stored, QuoteResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote " + id + " is unreadable", e);
        }
    }

    private JobSpec normalise(PricingRequest r) {
        String country = upper(r.country());
        String currency = r.currency() != null ? upper(r.currency()) : defaultCurrency(country);
        if (r.occupationCode() == null || r.occupationCode().isBlank()) {
            throw new ApiException(422, "OCCUPATION_NOT_RESOLVED",
                    "occupationCode is required: no occupation enricher is installed to map the title",
                    List.of(new FieldError("occupationCode", "is required when no enricher can map the title")));
        }
        LocalDate asOf = r.asOf() != null ? r.asOf() : LocalDate.now(clock);
        return new JobSpec(r.title().strip(), r.occupationCode().strip(), upper(r.level()), country,
                r.area() == null || r.area().isBlank() ? null : upper(r.area()), currency, asOf,
                distinctSkills(r.skills()));
    }

    private static String defaultCurrency(String country) {
        Currency currency;
        try {
            currency = Currency.getInstance(new Locale("", country));
        } catch (IllegalArgumentException e) {
            currency = null;
        }
        if (currency == null) {
            throw ApiException.badRequest("INVALID_REQUEST", "country " + country + " has no default currency",
                    List.of(new FieldError("currency", "is required for country " + country)));
        }
        return currency.getCurrencyCode();
    }

    /** Distinct skills, compared ignoring case and surrounding spaces; the first spelling is kept. */
    private static List<String> distinctSkills(List<String> skills) {
        Map<String, String> distinct = new LinkedHashMap<>();
        if (skills != null) {
            skills.forEach(s -> distinct.putIfAbsent(s.strip().toLowerCase(Locale.ROOT), s.strip()));
        }
        return new ArrayList<>(distinct.values());
    }

    private static void rejectIfNeeded(JobSpec spec, PricingResult result) {
        if (result.getRejection() == null) {
            return;
        }
        if (result.getRejection().equals("UNKNOWN_LEVEL")) {
            throw ApiException.badRequest("UNKNOWN_LEVEL", "level " + spec.level() + " is not in the level tables",
                    List.of(new FieldError("level", "unknown level " + spec.level())));
        }
        if (result.getRejection().equals("INSUFFICIENT_MARKET_DATA")) {
            String message = result.getCandidates().isEmpty()
                    ? "no market observations for occupation " + spec.occupationCode() + " in " + spec.country()
                    + " at level " + spec.level()
                    : "every market observation for this job was excluded";
            throw new ApiException(422, "INSUFFICIENT_MARKET_DATA", message,
                    result.getCandidates().stream().map(QuoteAssembler::use).toList());
        }
        throw new ApiException(422, result.getRejection(), "the rules rejected this job", List.of());
    }

    private void store(PricingRequest request, QuoteResponse quote, Instant now) {
        try {
            QuoteDao.Row row = new QuoteDao.Row(quote.id(), Timestamp.from(now), quote.occupationCode(), quote.level(),
                    quote.country(), quote.rulesetVersion(), json.writeValueAsString(request),
                    json.writeValueAsString(quote));
            jdbi.useExtension(QuoteDao.class, dao -> dao.insert(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quote could not be serialised", e);
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
