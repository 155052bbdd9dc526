package org.jobpricing.server.core;

import java.util.List;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InternalFailureException;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleEvaluationException;

/** Prices one job from given observations and FX rates under given rules; no storage involved. */
public final class PricingCalculator {

    private PricingCalculator() {}

    /** A priced job: the rules' result and the version of the rules. */
    public record Priced(JobSpec spec, PricingResult result, String rulesetVersion) {}

    /**
     * Throws {@link DomainException} when the rules reject the job (unknown level, no usable data) or its
     * figures are out of range.
     */
    public static Priced price(JobSpec spec, List<MarketObservation> observations, FxLookup fx, CompiledRuleSet rules) {
        return price(spec, observations, fx, rules, new Trace());
    }

    /** Prices into a trace that may already hold steps (what enrichers inferred). */
    public static Priced price(
            JobSpec spec, List<MarketObservation> observations, FxLookup fx, CompiledRuleSet rules, Trace trace) {
        String region = rules.areas().regionOf(spec.area());
        List<MarketCandidate> candidates = CandidateSelector.select(spec, region, observations, fx, trace);
        PricingJob job = new PricingJob(
                spec.occupationCode(),
                spec.level(),
                spec.country(),
                spec.area(),
                region,
                spec.currency(),
                spec.asOf(),
                trace);
        List<JobSkill> skills =
                spec.skills().stream().map(s -> new JobSkill(s, trace)).toList();
        PricingResult result;
        try {
            result = rules.evaluate(job, candidates, skills, trace);
        } catch (RuleEvaluationException e) {
            FigureRange.check(candidates, null, e).ifPresent(overflow -> {
                throw overflow;
            });
            throw new InternalFailureException("RULESET_ERROR", e.getMessage(), List.of());
        }
        rejectIfNeeded(spec, result);
        FigureRange.check(candidates, result, null).ifPresent(overflow -> {
            throw overflow;
        });
        rejectIfIncomplete(result, rules.version());
        return new Priced(spec, result, rules.version());
    }

    /**
     * A rule set that leaves a figure of the quote unset cannot price this job (a table without a row
     * for it, or a version missing a file): say which figure, never answer half a quote.
     */
    private static void rejectIfIncomplete(PricingResult result, String version) {
        String missing = result.getJob().missingPolicy();
        if (missing == null
                && (result.getBandMin() == null || result.getBandMid() == null || result.getBandMax() == null)) {
            missing = "band";
        }
        if (missing == null && (result.getConfidenceScore() == null || result.getConfidenceLabel() == null)) {
            missing = "confidence";
        }
        if (missing != null) {
            throw new CannotPriceException(
                    "RULESET_INCOMPLETE",
                    "rule set " + version + " sets no " + missing + " for this job",
                    List.of(new FieldError("rules", "no rule sets " + missing)));
        }
    }

    private static void rejectIfNeeded(JobSpec spec, PricingResult result) {
        if (result.getRejection() == null) {
            return;
        }
        if (result.getRejection().equals("UNKNOWN_LEVEL")) {
            throw new InvalidInputException(
                    "UNKNOWN_LEVEL",
                    "level " + spec.level() + " is not in the level tables",
                    List.of(new FieldError("level", "unknown level " + spec.level())));
        }
        if (result.getRejection().equals("INSUFFICIENT_MARKET_DATA")) {
            String message = result.getCandidates().isEmpty()
                    ? "no market observations for occupation " + spec.occupationCode() + " in " + spec.country()
                            + " at level " + spec.level()
                    : "every market observation for this job was excluded";
            throw new CannotPriceException(
                    "INSUFFICIENT_MARKET_DATA",
                    message,
                    result.getCandidates().isEmpty()
                            ? List.of(new FieldError(
                                    "occupationCode",
                                    "has no market observations in " + spec.country() + " at level " + spec.level()))
                            : result.getCandidates().stream()
                                    .map(QuoteAssembler::use)
                                    .toList());
        }
        throw new CannotPriceException(
                result.getRejection(),
                "the rules rejected this job: " + result.getRejection(),
                List.of(new FieldError("rules", "rejected with " + result.getRejection())));
    }
}
