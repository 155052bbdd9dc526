package org.jobpricing.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleSetCompiler;
import org.jobpricing.server.rules.RuleSetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline alone, with the shipped rules and data in memory: no server, no database. */
class PricingPipelineTest {

    static CompiledRuleSet rules;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T09:00:00Z"), ZoneOffset.UTC);

    /** Worked example 1's three observations (method §9). */
    static final List<MarketObservation> EXAMPLE_1 = List.of(
            observation(
                    "acme-survey-2025",
                    SourceType.SURVEY,
                    "IC3",
                    "2025-07-01",
                    95000d,
                    110000d,
                    128000d,
                    147000d,
                    165000d,
                    120,
                    40),
            observation(
                    "postings-q2",
                    SourceType.POSTINGS,
                    "IC3",
                    "2026-04-01",
                    null,
                    115000d,
                    132000d,
                    150000d,
                    null,
                    45,
                    null),
            observation(
                    "oews-2025",
                    SourceType.GOVERNMENT,
                    null,
                    "2025-05-01",
                    79850d,
                    103550d,
                    133080d,
                    167540d,
                    208620d,
                    1500,
                    null));

    /** What the market was asked for, in order. */
    final List<String> asked = new ArrayList<>();

    final PricingPipeline.Market market = new PricingPipeline.Market() {
        @Override
        public List<MarketObservation> observations(String occupationCode, String country, String area, String region) {
            asked.add(occupationCode + "/" + country);
            return EXAMPLE_1;
        }

        @Override
        public FxLookup fx() {
            return (from, to, date) -> from.equals(to) ? Optional.of(1.0) : Optional.empty();
        }
    };

    /** An enricher that knows one title and reads skills from a description, as the O*NET plugin does. */
    static final PricingPipeline.Enricher ENRICHER = (r, trace) -> {
        String code = r.occupationCode() == null && r.title().contains("Software") ? "15-1252" : r.occupationCode();
        List<String> skills =
                r.skills() == null && r.description() != null && r.description().contains("Kubernetes")
                        ? List.of("Kubernetes", "Java")
                        : r.skills();
        trace.say("inferred " + code + " and " + skills);
        return new PricingRequest(
                r.title(), code, r.level(), r.country(), r.area(), r.currency(), r.asOf(), skills, r.description());
    };

    @BeforeAll
    static void compileTheShippedRules() throws Exception {
        rules = new RuleSetCompiler().compile(RuleSetLoader.bundled());
    }

    @Test
    void workedExampleOneThroughThePipeline() {
        PricingPipeline pipeline = PricingPipeline.offline(market, CLOCK);

        PricingPipeline.Priced priced = pipeline.price(request("15-1252", List.of("Kubernetes", "Java"), null), rules);

        QuoteResponse q = priced.quote();
        assertThat(q.market().p50()).isEqualByComparingTo("133369.60");
        assertThat(q.marketReferencePoint()).isEqualByComparingTo("133369.60");
        assertThat(q.premium()).isEqualByComparingTo("0.05");
        assertThat(q.band().min()).isEqualByComparingTo("112000");
        assertThat(q.band().mid()).isEqualByComparingTo("140000");
        assertThat(q.band().max()).isEqualByComparingTo("168000");
        assertThat(q.confidence().score()).isEqualTo(88);
        assertThat(q.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(asked).containsExactly("15-1252/US");
        assertThat(priced.evaluationNanos()).isPositive();
    }

    @Test
    void theRequestAsPricedIsTheEnrichedOneAndRepricingItGivesTheSameFigures() {
        PricingPipeline pipeline = new PricingPipeline(ENRICHER, market, PricingPipeline.Check.NONE, CLOCK);

        PricingPipeline.Priced first =
                pipeline.price(request(null, null, "You will run our Kubernetes clusters in Java."), rules);

        assertThat(first.request().occupationCode()).isEqualTo("15-1252");
        assertThat(first.request().skills()).containsExactly("Kubernetes", "Java");
        assertThat(asked).containsExactly("15-1252/US");
        assertThat(first.quote().premium()).as("the inferred skills' premium").isEqualByComparingTo("0.05");
        assertThat(first.quote().explanation().get(0).message()).contains("inferred 15-1252");

        PricingPipeline.Priced replay = PricingPipeline.offline(market, CLOCK).price(first.request(), rules);
        assertThat(replay.quote().band()).isEqualTo(first.quote().band());
        assertThat(replay.quote().market()).isEqualTo(first.quote().market());
    }

    @Test
    void theCheckRunsAfterTheRulesAndItsWarningsReachTheQuote() {
        List<String> checked = new ArrayList<>();
        PricingPipeline pipeline = new PricingPipeline(
                PricingPipeline.Enricher.NONE,
                market,
                (spec, result) -> {
                    checked.add(spec.occupationCode() + " " + result.getBandMid());
                    result.getTrace().warn("data of acme-survey-2025 is old");
                },
                CLOCK);

        QuoteResponse q = pipeline.price(request("15-1252", List.of("Kubernetes", "Java"), null), rules)
                .quote();

        assertThat(checked).containsExactly("15-1252 140000.0");
        assertThat(q.warnings()).containsExactly("data of acme-survey-2025 is old");
    }

    @Test
    void failuresAreTheDomainsOwnWithTheirCodes() {
        PricingPipeline pipeline = PricingPipeline.offline(market, CLOCK);

        assertThatThrownBy(() -> pipeline.price(
                        new PricingRequest("Engineer", "15-1252", "ZZ9", "US", null, "USD", null, null, null), rules))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("level ZZ9 is not in the level tables");
        assertThatThrownBy(() -> pipeline.price(
                        new PricingRequest("Engineer", "15-1252", "IC3", "FR", null, "EUR", null, null, null), rules))
                .isInstanceOf(CannotPriceException.class)
                .satisfies(e -> assertThat(((CannotPriceException) e).code()).isEqualTo("INSUFFICIENT_MARKET_DATA"));
    }

    private static PricingRequest request(String occupationCode, List<String> skills, String description) {
        return new PricingRequest(
                "Software Engineer",
                occupationCode,
                "IC3",
                "US",
                null,
                "USD",
                LocalDate.parse("2026-07-01"),
                skills,
                description);
    }

    private static MarketObservation observation(
            String source,
            SourceType type,
            String level,
            String date,
            Double p10,
            Double p25,
            Double p50,
            Double p75,
            Double p90,
            int sample,
            Integer orgs) {
        return new MarketObservation(
                source,
                type,
                "15-1252",
                level,
                "US",
                null,
                "USD",
                PayPeriod.ANNUAL,
                LocalDate.parse(date),
                p10,
                p25,
                p50,
                p75,
                p90,
                sample,
                orgs);
    }
}
