package org.jobpricing.server.structures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PostingLocation;
import org.jobpricing.rules.facts.PostingRange;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.StructureGrade;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.PolicySession;

/**
 * The policy tables structures and postings read, looked up in one compiled rule set (so every figure
 * of one answer comes from one rule version): grade spreads, rounding, hours per year, posting
 * requirements and posting width. Each answer names the rule row it came from.
 */
public final class PayPolicy {

    /** A table row that set a value: its rule name, file and line. */
    public record Rule(String name, String file, Integer line) {}

    /** Spread and slotting tolerance of one grade. */
    public record GradePolicy(int grade, double spread, double slotTolerance, Rule rule) {}

    /** The rounding unit of a currency. */
    public record Rounding(String currency, double unit, Rule rule) {}

    /** One jurisdiction that applies at a location, and what a posting there must contain. */
    public record Jurisdiction(
            String code,
            String name,
            String law,
            int minEmployees,
            boolean benefitsRequired,
            boolean deadlineRequired,
            String currency,
            List<String> periods,
            Rule rule) {}

    /** Where in the band a posted range sits and how wide it may be. */
    public record Width(String jurisdiction, double lower, double upper, double maxWidth, Rule rule) {}

    private final CompiledRuleSet rules;

    public PayPolicy(CompiledRuleSet rules) {
        this.rules = rules;
    }

    /** The version of the rules every answer of this policy comes from. */
    public String version() {
        return rules.version();
    }

    public GradePolicy grade(int grade) {
        Trace trace = new Trace();
        StructureGrade fact = new StructureGrade(grade, trace);
        PolicySession.run(rules, List.of(fact), trace);
        if (fact.getSpread() == null || fact.getSlotTolerance() == null) {
            throw PayException.of(
                    PayException.Kind.POLICY,
                    "MISSING_POLICY",
                    "grade " + grade + " has no row in grade-spreads.drl.csv",
                    List.of(PayException.Detail.of(
                            "grades", "grade " + grade + " needs a spread and a slot tolerance")));
        }
        return new GradePolicy(grade, fact.getSpread(), fact.getSlotTolerance(), fired(trace, "grade-spreads"));
    }

    public Rounding rounding(String currency) {
        Trace trace = new Trace();
        PricingJob job = new PricingJob(null, null, null, null, currency, null, trace);
        PolicySession.run(rules, List.of(job), trace);
        if (job.getRounding() == null) {
            throw PayException.of(
                    PayException.Kind.POLICY,
                    "MISSING_POLICY",
                    "currency " + currency + " has no row in rounding.drl.csv",
                    List.of(PayException.Detail.of("currency", "no rounding for " + currency)));
        }
        return new Rounding(currency, job.getRounding(), fired(trace, "rounding"));
    }

    /** Hours in a year of pay, from the annualisation table's HOURLY row. */
    public double hoursPerYear() {
        Trace trace = new Trace();
        MarketCandidate hourly = new MarketCandidate(
                "posting",
                "SURVEY",
                MarketCandidate.EXACT,
                false,
                null,
                "HOURLY",
                0,
                1_000_000,
                null,
                1.0,
                new Double[5],
                trace);
        PolicySession.run(rules, List.of(hourly), trace);
        if (hourly.getAnnualize() == null) {
            throw PayException.of(
                    PayException.Kind.POLICY,
                    "MISSING_POLICY",
                    "annualisation.drl.csv has no HOURLY row",
                    List.of(PayException.Detail.of("period", "hourly pay needs the hours of a year")));
        }
        return hourly.getAnnualize();
    }

    /** Every jurisdiction the requirements table finds for a location, in table order. */
    public List<Jurisdiction> jurisdictions(String country, String region, String city) {
        Trace trace = new Trace();
        PostingLocation location = new PostingLocation(country, region, city, trace);
        PolicySession.run(rules, List.of(location), trace);
        List<Trace.Step> steps = trace.steps().stream()
                .filter(s -> s.file() != null && s.file().startsWith("posting-requirements"))
                .toList();
        List<PostingLocation.Requirement> found = location.requirements();
        return java.util.stream.IntStream.range(0, found.size())
                .mapToObj(i -> {
                    PostingLocation.Requirement r = found.get(i);
                    Trace.Step step = i < steps.size() ? steps.get(i) : null;
                    return new Jurisdiction(
                            r.code(),
                            r.name(),
                            r.law(),
                            r.minEmployees() == null ? 0 : r.minEmployees(),
                            r.benefitsRequired(),
                            r.deadlineRequired(),
                            r.currency() == null || r.currency().equals("*") ? null : r.currency(),
                            r.periods() == null
                                    ? List.of()
                                    : List.of(r.periods().trim().split("\\s+")),
                            step == null ? null : new Rule(step.rule(), step.file(), step.line()));
                })
                .toList();
    }

    public Width width(String jurisdiction) {
        Trace trace = new Trace();
        PostingRange fact = new PostingRange(jurisdiction, trace);
        PolicySession.run(rules, List.of(fact), trace);
        if (fact.getLower() == null || fact.getUpper() == null || fact.getMaxWidth() == null) {
            throw PayException.of(
                    PayException.Kind.POLICY,
                    "MISSING_POLICY",
                    "jurisdiction " + jurisdiction + " has no row in posting-width.drl.csv",
                    List.of(PayException.Detail.of("locations", "no posting width for " + jurisdiction)));
        }
        return new Width(
                jurisdiction, fact.getLower(), fact.getUpper(), fact.getMaxWidth(), fired(trace, "posting-width"));
    }

    /** Half-up to a multiple of {@code unit}, as the band of a quote is rounded (method §6). */
    public static double roundTo(double value, double unit) {
        BigDecimal step = BigDecimal.valueOf(unit);
        return new BigDecimal(value)
                .divide(step, 0, RoundingMode.HALF_UP)
                .multiply(step)
                .doubleValue();
    }

    private static Rule fired(Trace trace, String filePrefix) {
        return trace.steps().stream()
                .filter(s -> s.file() != null && s.file().startsWith(filePrefix))
                .reduce((a, b) -> b)
                .map(s -> new Rule(s.rule(), s.file(), s.line()))
                .orElse(null);
    }
}
