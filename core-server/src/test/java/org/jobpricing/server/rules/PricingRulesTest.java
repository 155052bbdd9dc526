package org.jobpricing.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default rule tables and the steps of the method, evaluated by Drools on hand-made facts. */
class PricingRulesTest {

    static List<RuleSource> defaults;
    static RuleEngine engine;

    @BeforeAll
    static void compileDefaults() throws Exception {
        defaults = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()));
        engine = new RuleEngine(new RuleSetCompiler().compile(defaults));
    }

    /** One pricing under construction: a job and the candidates the test adds. */
    static final class Case {
        final Trace trace = new Trace();
        final PricingJob job;
        final List<MarketCandidate> candidates = new ArrayList<>();
        final List<JobSkill> skills = new ArrayList<>();

        Case(String level, String country, String area, String currency) {
            job = new PricingJob("15-1252", level, country, area, currency, LocalDate.of(2026, 7, 1), trace);
        }

        Case candidate(
                String id,
                String type,
                String match,
                boolean hasArea,
                String currency,
                String period,
                int months,
                int n,
                Integer orgs,
                Double fx,
                Double... percentiles) {
            candidates.add(new MarketCandidate(
                    id, type, match, hasArea, currency, period, months, n, orgs, fx, percentiles, trace));
            return this;
        }

        Case skills(String... names) {
            for (String name : names) {
                skills.add(new JobSkill(name, trace));
            }
            return this;
        }

        PricingResult price(RuleEngine with) {
            return with.active().evaluate(job, candidates, skills, trace);
        }

        PricingResult price() {
            return price(engine);
        }
    }

    static Case usIc3() {
        return new Case("IC3", "US", null, "USD");
    }

    @Test
    void exclusionsKeepTheFirstReasonInTheMethodsOrder() {
        PricingResult r = usIc3().candidate(
                        "small-old-fewOrgs",
                        "SURVEY",
                        "EXACT",
                        false,
                        "USD",
                        "ANNUAL",
                        40,
                        5,
                        2,
                        1.0,
                        null,
                        null,
                        100000.0,
                        null,
                        null)
                .candidate(
                        "fewOrgs-old",
                        "SURVEY",
                        "EXACT",
                        false,
                        "USD",
                        "ANNUAL",
                        40,
                        50,
                        4,
                        1.0,
                        null,
                        null,
                        100000.0,
                        null,
                        null)
                .candidate(
                        "old-noFx",
                        "SURVEY",
                        "EXACT",
                        false,
                        "EUR",
                        "ANNUAL",
                        37,
                        50,
                        null,
                        null,
                        null,
                        null,
                        100000.0,
                        null,
                        null)
                .candidate(
                        "noFx",
                        "POSTINGS",
                        "EXACT",
                        false,
                        "EUR",
                        "ANNUAL",
                        2,
                        5,
                        null,
                        null,
                        null,
                        null,
                        100000.0,
                        null,
                        null)
                .candidate(
                        "ok-hris", "HRIS", "EXACT", false, "USD", "ANNUAL", 36, 3, null, 1.0, null, null, 100000.0,
                        null, null)
                .price();

        assertThat(r.getCandidates())
                .extracting(MarketCandidate::getExclusion)
                .containsExactly("SAMPLE_TOO_SMALL", "TOO_FEW_ORGS", "TOO_OLD", "NO_FX_RATE", null);
    }

    @Test
    void governmentNeedsThirtyAndSurveysWithUnknownOrgCountAreKept() {
        PricingResult r = usIc3().candidate(
                        "gov",
                        "GOVERNMENT",
                        "BROAD",
                        false,
                        "USD",
                        "ANNUAL",
                        0,
                        29,
                        null,
                        1.0,
                        null,
                        null,
                        100000.0,
                        null,
                        null)
                .candidate(
                        "survey", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 10, null, 1.0, null, null, 100000.0,
                        null, null)
                .price();

        assertThat(r.getCandidates())
                .extracting(MarketCandidate::getExclusion)
                .containsExactly("SAMPLE_TOO_SMALL", null);
    }

    @Test
    void hourlyAndMonthlyPayIsAnnualisedAndAnAreaIndexAppliesToCountryWideData() {
        // US-35620 New York-Newark-Jersey City has index 1.189 in the shipped area table (method §11)
        PricingResult r = new Case("IC3", "US", "US-35620", "USD")
                .candidate(
                        "hourly", "SURVEY", "EXACT", false, "USD", "HOURLY", 0, 50, null, 1.0, null, null, 50.0, null,
                        null)
                .candidate(
                        "local", "SURVEY", "EXACT", true, "USD", "MONTHLY", 0, 50, null, 1.0, null, null, 10000.0, null,
                        null)
                .price();

        assertThat(r.getCandidates().get(0).getFactor()).isCloseTo(2080 * 1.189, within(1e-9));
        assertThat(r.getCandidates().get(1).getFactor()).isCloseTo(12.0, within(1e-9));
        assertThat(r.market(2)).isCloseTo((50 * 2080 * 1.189 + 120000) / 2, within(1e-6));
    }

    @Test
    void anAreaMissingFromTheTableHasIndexOne() {
        PricingResult r = new Case("IC3", "US", "US-XYZ", "USD")
                .candidate(
                        "country", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null, 100000.0,
                        null, null)
                .price();

        assertThat(r.getCandidates().get(0).getFactor()).isEqualTo(1.0);
    }

    @Test
    void broadMatchesAreScaledByTheLevelFactorAndHalfWeighted() {
        PricingResult r = new Case("M2", "US", null, "USD")
                .candidate(
                        "all-levels",
                        "SURVEY",
                        "BROAD",
                        false,
                        "USD",
                        "ANNUAL",
                        0,
                        50,
                        null,
                        1.0,
                        null,
                        null,
                        100000.0,
                        null,
                        null)
                .price();

        assertThat(r.getCandidates().get(0).getFactor()).isCloseTo(1.35, within(1e-12));
        assertThat(r.getCandidates().get(0).getWeight()).isCloseTo(0.5, within(1e-12));
        assertThat(r.getJob().getSpread()).isEqualTo(0.5);
    }

    @Test
    void percentilesAreKeptOrderedAroundTheMedian() {
        PricingResult r = usIc3().candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, 120000.0, 110000.0, 100000.0,
                        90000.0, null)
                .price();

        assertThat(new Double[] {r.market(0), r.market(1), r.market(2), r.market(3), r.market(4)})
                .containsExactly(100000.0, 100000.0, 100000.0, 100000.0, null);
    }

    @Test
    void anOrderingStepWithANullSideIsSkipped() {
        PricingResult r = usIc3().candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, 120000.0, null, 100000.0,
                        null, 90000.0)
                .price();

        assertThat(new Double[] {r.market(0), r.market(1), r.market(2), r.market(3), r.market(4)})
                .containsExactly(120000.0, null, 100000.0, null, 90000.0);
    }

    @Test
    void skillPremiumsMatchIgnoringCaseAndAreCapped() {
        PricingResult r = usIc3().candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null, 100000.0, null,
                        null)
                .skills("  KUBERNETES ", "Machine Learning", "Java")
                .price();
        assertThat(r.getPremium()).isCloseTo(0.13, within(1e-12));

        PricingResult capped = usIc3().candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null, 100000.0, null,
                        null)
                .skills("kubernetes", "machine learning", "security clearance")
                .price();
        assertThat(capped.getPremium()).isEqualTo(0.15);
        assertThat(capped.getBandMid()).isEqualTo(115000.0);
    }

    @Test
    void roundingDependsOnTheCurrency() {
        PricingResult yen = new Case("IC3", "JP", null, "JPY")
                .candidate(
                        "a",
                        "SURVEY",
                        "EXACT",
                        false,
                        "JPY",
                        "ANNUAL",
                        0,
                        50,
                        null,
                        1.0,
                        null,
                        null,
                        7_777_777.0,
                        null,
                        null)
                .price();
        assertThat(yen.getBandMid()).isEqualTo(7_780_000.0);

        PricingResult pounds = new Case("IC3", "GB", null, "GBP")
                .candidate(
                        "a", "SURVEY", "EXACT", false, "GBP", "ANNUAL", 0, 50, null, 1.0, null, null, 60_250.0, null,
                        null)
                .price();
        assertThat(pounds.getBandMid()).as("half-up to 500").isEqualTo(60_500.0);
    }

    @Test
    void anUnknownLevelIsRejectedBeforeAnyArithmetic() {
        PricingResult r = new Case("IC9", "US", null, "USD")
                .candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null, 100000.0, null,
                        null)
                .price();

        assertThat(r.getRejection()).isEqualTo("UNKNOWN_LEVEL");
        assertThat(r.getBandMid()).isNull();
        assertThat(r.getTrace().steps()).extracting(Trace.Step::rule).doesNotContain("Blend percentiles");
    }

    @Test
    void aTargetBetweenPercentilesIsInterpolatedAndAMissingOneFallsBackToP50WithAWarning() throws Exception {
        RuleEngine p60 = engineWith("target-percentile.drl.csv", "*,50", "*,60");

        PricingResult r = usIc3().candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null, 100000.0,
                        125000.0, null)
                .price(p60);
        assertThat(r.getReferencePoint()).isCloseTo(110000.0, within(1e-9));
        assertThat(r.getTrace().warnings()).isEmpty();

        PricingResult missing = usIc3().candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null, 100000.0, null,
                        null)
                .price(p60);
        assertThat(missing.getReferencePoint()).isEqualTo(100000.0);
        assertThat(missing.getTrace().warnings())
                .singleElement()
                .satisfies(w -> assertThat(w).contains("P50"));
    }

    @Test
    void editingATableChangesTheBandWithoutJavaChanges() throws Exception {
        RuleEngine wider = engineWith("spreads.drl.csv", "IC3,0.50", "IC3,0.80");

        PricingResult r = usIc3().candidate(
                        "a", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null, 100000.0, null,
                        null)
                .price(wider);

        assertThat(r.getBandMin()).isEqualTo(71500.0);
        assertThat(r.getBandMax()).isEqualTo(128500.0);
    }

    static RuleEngine engineWith(String file, String from, String to) throws RuleCompilationException {
        List<RuleSource> edited = defaults.stream()
                .map(s -> s.name().equals(file)
                        ? new RuleSource(s.name(), s.text().replace(from, to).getBytes(StandardCharsets.UTF_8))
                        : s)
                .toList();
        assertThat(edited)
                .filteredOn(s -> s.name().equals(file))
                .singleElement()
                .satisfies(s -> assertThat(s.text()).contains(to));
        return new RuleEngine(new RuleSetCompiler().compile(edited));
    }
}
