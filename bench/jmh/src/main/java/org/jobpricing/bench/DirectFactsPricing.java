package org.jobpricing.bench;

import java.util.List;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.core.CandidateSelector;
import org.jobpricing.server.core.FxLookup;
import org.jobpricing.server.core.JobSpec;

/**
 * The default rule set run by hand, without the rule engine: the same fact objects, the default tables'
 * rows written out in Java, and the fact methods called in the order the rules' saliences give. It
 * produces what the server's rule evaluation produces (figures and the explanation, step for step,
 * rule names included), so the difference to the rules benchmark is what Drools itself costs.
 * Benchmark code only: the product evaluates the rule files, which compensation teams edit.
 */
final class DirectFactsPricing {

    private static final List<String> LEVELS = List.of("IC1", "IC2", "IC3", "IC4", "IC5", "IC6", "M1", "M2", "M3", "M4", "M5");
    private static final double[] LEVEL_FACTORS = {0.70, 0.85, 1.00, 1.20, 1.45, 1.75, 1.15, 1.35, 1.60, 1.90, 2.30};
    private static final double[] SPREADS = {0.40, 0.40, 0.50, 0.50, 0.60, 0.60, 0.50, 0.50, 0.60, 0.70, 0.70};
    private static final List<String> AREAS = List.of("US-NYC", "US-SFO", "US-AUS");
    private static final double[] AREA_INDEX = {1.20, 1.25, 0.95};
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");
    private static final double[] ROUNDING = {500, 500, 500, 10000};
    private static final double[] SOURCE_WEIGHTS = {1.0, 0.8, 0.6, 0.4};
    private static final double[] PERIODS_PER_YEAR = {1, 12, 2080};
    private static final List<String> SKILLS = List.of("kubernetes", "machine learning", "rust", "security clearance", "sap");
    private static final double[] PREMIUMS = {0.05, 0.08, 0.04, 0.10, 0.06};

    private DirectFactsPricing() {
    }

    static PricingResult price(JobSpec spec, List<MarketObservation> observations, FxLookup fx) {
        Trace trace = new Trace();
        List<MarketCandidate> candidates = CandidateSelector.select(spec, null, observations, fx, trace);
        PricingJob job = new PricingJob(spec.occupationCode(), spec.level(), spec.country(), spec.area(),
                spec.currency(), spec.asOf(), trace);
        List<JobSkill> skills = spec.skills().stream().map(s -> new JobSkill(s, trace)).toList();
        PricingResult r = new PricingResult(job, candidates, skills, trace);

        // salience 100: the policy tables (rule names are the table's name and the row's line)
        for (JobSkill skill : skills) {
            premiumRow(skill, trace);
        }
        for (MarketCandidate c : candidates) {
            int weight = switch (c.getSourceType()) {
                case "SURVEY" -> 11;
                case "GOVERNMENT" -> 12;
                case "POSTINGS" -> 13;
                case "HRIS" -> 14;
                default -> 0;
            };
            if (weight > 0) {
                c.setSourceWeight(SOURCE_WEIGHTS[weight - 11]);
                trace.ruleFired("Source weights_" + weight);
            }
            int period = switch (c.getPeriod()) {
                case "ANNUAL" -> 11;
                case "MONTHLY" -> 12;
                case "HOURLY" -> 13;
                default -> 0;
            };
            if (period > 0) {
                c.setAnnualize(PERIODS_PER_YEAR[period - 11]);
                trace.ruleFired("Annualisation_" + period);
            }
            boolean exact = MarketCandidate.EXACT.equals(c.getMatch());
            c.setMatchWeight(exact ? 1.0 : 0.5);
            trace.ruleFired("Match weights_" + (exact ? 21 : 22));
        }
        boolean singapore = job.getCountry().equals("SG");
        job.setAgingRate(singapore ? 0.04 : 0.03);
        trace.ruleFired("Aging rates_" + (singapore ? 12 : 13));
        int level = LEVELS.indexOf(job.getLevel());
        if (level >= 0) {
            job.setLevelFactor(LEVEL_FACTORS[level]);
            trace.ruleFired("Level factors_" + (11 + level));
            job.setSpread(SPREADS[level]);
            trace.ruleFired("Spreads_" + (11 + level));
        }
        // the area table (method v2, section 11) has a row per area code only: a job without an area, as in
        // both worked examples measured here, matches none, and its index stays unset (no step)
        int area = job.getArea() == null ? -1 : AREAS.indexOf(job.getArea());
        if (area >= 0) {
            job.setAreaIndex(AREA_INDEX[area]);
            trace.ruleFired("Area index_" + (12 + area));
        }
        job.setTargetPercentile(50);
        trace.ruleFired("Target percentile_12");
        int currency = CURRENCIES.indexOf(job.getCurrency());
        job.setRounding(currency < 0 ? 100 : ROUNDING[currency]);
        trace.ruleFired("Rounding_" + (currency < 0 ? 16 : 12 + currency));
        job.setPremiumCap(0.15);
        trace.ruleFired("Premium cap_23");

        // salience 90
        if (job.getLevelFactor() == null || job.getSpread() == null) {
            r.reject("UNKNOWN_LEVEL", "level " + job.getLevel() + " is not in levels.drl.csv and spreads.drl.csv");
            trace.ruleFired("Level must be in the level tables");
            return r;
        }
        trace.ruleFired("Level must be in the level tables");
        // salience 80 to 77: the exclusions, in order
        for (MarketCandidate c : candidates) {
            int row = switch (c.getSourceType()) {
                case "SURVEY" -> c.getSampleSize() < 10 ? 11 : 0;
                case "GOVERNMENT" -> c.getSampleSize() < 30 ? 12 : 0;
                case "POSTINGS" -> c.getSampleSize() < 5 ? 13 : 0;
                case "HRIS" -> c.getSampleSize() < 3 ? 14 : 0;
                default -> 0;
            };
            if (row > 0) {
                c.exclude("SAMPLE_TOO_SMALL");
                trace.ruleFired("Minimum sample_" + row);
            }
        }
        for (MarketCandidate c : candidates) {
            if (c.getSourceType().equals("SURVEY") && c.getOrgCount() != null && c.getOrgCount() < 5) {
                c.exclude("TOO_FEW_ORGS");
                trace.ruleFired("Too few organisations");
            }
        }
        for (MarketCandidate c : candidates) {
            if (c.getMonths() > 36) {
                c.exclude("TOO_OLD");
                trace.ruleFired("Too old");
            }
        }
        for (MarketCandidate c : candidates) {
            if (c.getFxRate() == null) {
                c.exclude("NO_FX_RATE");
                trace.ruleFired("No FX rate");
            }
        }
        // salience 70 to 19: the method's steps
        if (!r.hasIncludedCandidates()) {
            r.reject("INSUFFICIENT_MARKET_DATA", "no observation is left after the exclusions");
            trace.ruleFired("At least one observation must be included");
            return r;
        }
        trace.ruleFired("At least one observation must be included");
        r.normalise();
        trace.ruleFired("Normalise observations");
        r.weigh(50);
        trace.ruleFired("Weigh observations");
        r.blend();
        trace.ruleFired("Blend percentiles");
        r.orderPercentiles();
        trace.ruleFired("Keep percentiles ordered");
        r.locateReferencePoint();
        trace.ruleFired("Market reference point");
        r.applyPremium();
        trace.ruleFired("Skill premium");
        r.buildBand();
        trace.ruleFired("Salary band");
        r.roundBand();
        trace.ruleFired("Round the band");
        r.scoreConfidence(200, 3, 24, 0.4, 0.3, 0.3);
        trace.ruleFired("Confidence score");
        r.labelConfidence(70, 40);
        trace.ruleFired("Confidence label");
        return r;
    }

    private static void premiumRow(JobSkill skill, Trace trace) {
        for (int i = 0; i < SKILLS.size(); i++) {
            if (skill.isNamed(SKILLS.get(i))) {
                skill.setPremium(PREMIUMS[i]);
                trace.ruleFired("Skill premiums_" + (12 + i));
                return;
            }
        }
    }
}
