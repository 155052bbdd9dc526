package org.jobpricing.server.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.api.QuoteResponse;

/** Maps an evaluated pricing to its API representation, rounding only for display (method: 2 decimals). */
public final class QuoteAssembler {

    private QuoteAssembler() {}

    public static QuoteResponse assemble(
            String id, Instant createdAt, JobSpec spec, PricingResult result, String rulesetVersion) {
        PricingJob job = result.getJob();
        return new QuoteResponse(
                id,
                createdAt,
                spec.title(),
                spec.asOf(),
                spec.currency(),
                spec.occupationCode(),
                spec.level(),
                spec.country(),
                spec.area(),
                spec.skills(),
                new QuoteResponse.Market(
                        cents(result.market(0)),
                        cents(result.market(1)),
                        cents(result.market(2)),
                        cents(result.market(3)),
                        cents(result.market(4))),
                cents(result.getReferencePoint()),
                decimal(result.getPremium(), 6),
                new QuoteResponse.Band(
                        amount(result.getBandMin()),
                        amount(result.getBandMid()),
                        amount(result.getBandMax()),
                        decimal(job.getSpread(), 6)),
                new QuoteResponse.Confidence(
                        result.getConfidenceScore(),
                        result.getConfidenceLabel(),
                        new QuoteResponse.Parts(
                                decimal(result.getConfidenceSample(), 6),
                                decimal(result.getConfidenceSources(), 6),
                                decimal(result.getConfidenceAge(), 6))),
                result.getCandidates().stream().map(QuoteAssembler::use).toList(),
                explanation(result.getTrace()),
                result.getTrace().warnings(),
                rulesetVersion);
    }

    /** The steps of a trace as the API shows them: the message is formatted here, once. */
    public static List<QuoteResponse.ExplanationStep> explanation(Trace trace) {
        return trace.steps().stream()
                .map(s -> new QuoteResponse.ExplanationStep(
                        s.rule(), s.file(), s.line(), s.inputs(), s.outputs(), s.message()))
                .toList();
    }

    /** How a candidate was used; exposed so error answers can list exclusions in the same shape. */
    public static QuoteResponse.ObservationUse use(MarketCandidate c) {
        return new QuoteResponse.ObservationUse(
                c.getSourceId(),
                c.getSourceType(),
                c.getMatch(),
                c.getMonths(),
                decimal(c.getFactor(), 6),
                decimal(c.getCredibility(), 6),
                decimal(c.getWeight(), 6),
                c.isIncluded(),
                c.getExclusion(),
                c.getArea(),
                c.getAreaMatch(),
                c.getEffectiveDate(),
                decimal(c.getAreaWeight(), 6));
    }

    static BigDecimal cents(Double value) {
        return value == null ? null : Trace.rounded(value, 2);
    }

    static BigDecimal decimal(Double value, int scale) {
        return value == null ? null : plain(Trace.rounded(value, scale));
    }

    static BigDecimal amount(Double value) {
        return value == null ? null : plain(Trace.rounded(value, 2));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
