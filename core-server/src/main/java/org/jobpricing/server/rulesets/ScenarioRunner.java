package org.jobpricing.server.rulesets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.ObservationCsv;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.api.ScenarioResult;
import org.jobpricing.server.core.FxLookup;
import org.jobpricing.server.core.FxRateService;
import org.jobpricing.server.core.InMemoryFxRates;
import org.jobpricing.server.core.PricingPipeline;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleSource;

/** Runs the scenario files of a rule set against its compiled rules. */
public final class ScenarioRunner {

    private static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.005");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Validator validator;

    public ScenarioRunner(Validator validator) {
        this.validator = validator;
    }

    /** Every scenario of every scenario file among {@code sources}, in file order. */
    public List<ScenarioResult> run(CompiledRuleSet rules, List<RuleSource> sources) {
        List<ScenarioResult> results = new ArrayList<>();
        for (RuleSource source : sources) {
            if (!RuleSource.isScenarioFile(source.name())) {
                continue;
            }
            if (PayPolicyScenarios.handles(source)) {
                results.addAll(PayPolicyScenarios.run(rules, source));
                continue;
            }
            if (PolicyScenarios.isPolicyFile(source)) {
                results.addAll(PolicyScenarios.run(rules, source));
                continue;
            }
            Scenario.File file;
            try {
                file = YAML.readValue(source.content(), Scenario.File.class);
            } catch (IOException e) {
                results.add(new ScenarioResult(
                        source.name(),
                        "(file)",
                        false,
                        List.of(),
                        "unreadable scenario file: " + e.getMessage().split("\n")[0]));
                continue;
            }
            if (file == null || file.scenarios() == null || file.scenarios().isEmpty()) {
                results.add(new ScenarioResult(source.name(), "(file)", false, List.of(), "no scenarios in the file"));
                continue;
            }
            for (Scenario scenario : file.scenarios()) {
                results.add(run(source.name(), scenario, rules));
            }
        }
        return results;
    }

    ScenarioResult run(String file, Scenario s, CompiledRuleSet rules) {
        String name = s.name() == null ? "(unnamed)" : s.name();
        String setupProblem = setupProblem(s);
        if (setupProblem != null) {
            return new ScenarioResult(file, name, false, List.of(), setupProblem);
        }
        ObservationCsv.Result observations = ObservationCsv.parse(new StringReader(s.observations()));
        if (!observations.ok()) {
            return new ScenarioResult(file, name, false, List.of(), "observations: " + observations.problems());
        }
        FxRateService.Parsed fx = s.fxRates() == null
                ? new FxRateService.Parsed(List.of(), List.of())
                : FxRateService.parse(s.fxRates(), Timestamp.from(Instant.EPOCH));
        if (!fx.problems().isEmpty()) {
            return new ScenarioResult(file, name, false, List.of(), "fxRates: " + fx.problems());
        }
        List<MarketObservation> data = observations.rows().stream()
                .map(ObservationCsv.Line::observation)
                .toList();
        Expectations check = new Expectations(s.tolerance() == null ? DEFAULT_TOLERANCE : s.tolerance());
        try {
            QuoteResponse quote = PricingPipeline.offline(
                            new ScenarioMarket(data, new InMemoryFxRates(fx.rows())),
                            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                    .price(s.job(), rules)
                    .quote();
            check.equal("error", s.expect().error(), null);
            compare(check, s.expect(), quote);
        } catch (DomainException e) {
            if (s.expect().error() == null) {
                check.mismatch("error", "none", e.code() + " (" + e.getMessage() + ")");
            } else {
                check.equal("error", s.expect().error(), e.code());
            }
        }
        return new ScenarioResult(file, name, check.mismatches().isEmpty(), check.mismatches(), null);
    }

    private String setupProblem(Scenario s) {
        if (s.job() == null || s.observations() == null || s.expect() == null) {
            return "a scenario needs job, observations and expect";
        }
        if (s.job().asOf() == null) {
            return "job.asOf is required in a scenario so its result does not depend on the day it runs";
        }
        for (ConstraintViolation<PricingRequest> v : validator.validate(s.job())) {
            return "job." + v.getPropertyPath() + " " + v.getMessage();
        }
        return null;
    }

    private static void compare(Expectations check, Scenario.Expect e, QuoteResponse q) {
        if (e.market() != null) {
            Map<String, BigDecimal> actual = new java.util.HashMap<>();
            actual.put("p10", q.market().p10());
            actual.put("p25", q.market().p25());
            actual.put("p50", q.market().p50());
            actual.put("p75", q.market().p75());
            actual.put("p90", q.market().p90());
            e.market().forEach((k, v) -> check.number("market." + k, v, actual.get(k)));
        }
        check.number("marketReferencePoint", e.marketReferencePoint(), q.marketReferencePoint());
        check.number("premium", e.premium(), q.premium());
        if (e.band() != null) {
            Map<String, BigDecimal> actual = Map.of(
                    "min",
                    q.band().min(),
                    "mid",
                    q.band().mid(),
                    "max",
                    q.band().max(),
                    "spread",
                    q.band().spread());
            e.band().forEach((k, v) -> check.number("band." + k, v, actual.get(k)));
        }
        if (e.confidence() != null) {
            check.equal(
                    "confidence.score", e.confidence().score(), q.confidence().score());
            check.equal(
                    "confidence.label", e.confidence().label(), q.confidence().label());
        }
        if (e.observations() != null) {
            for (Scenario.ObservationExpect o : e.observations()) {
                QuoteResponse.ObservationUse use = q.observations().stream()
                        .filter(u -> u.sourceId().equals(o.sourceId())
                                && (o.area() == null || o.area().equals(u.area()))
                                && (o.effectiveDate() == null
                                        || o.effectiveDate().equals(u.effectiveDate())))
                        .findFirst()
                        .orElse(null);
                String at = "observations[" + o.sourceId() + (o.area() == null ? "" : " " + o.area())
                        + (o.effectiveDate() == null ? "" : " " + o.effectiveDate()) + "]";
                if (use == null) {
                    check.mismatch(at, "a candidate", "not a candidate");
                    continue;
                }
                check.equal(at + ".included", o.included(), use.included());
                check.equal(at + ".reason", o.reason(), use.reason());
                check.equal(at + ".match", o.match(), use.match());
                check.equal(at + ".areaMatch", o.areaMatch(), use.areaMatch());
                check.equal(at + ".months", o.months(), use.months());
                check.number(at + ".factor", o.factor(), use.factor());
                check.number(at + ".credibility", o.credibility(), use.credibility());
                check.number(at + ".weight", o.weight(), use.weight());
            }
        }
        if (e.rulesFired() != null) {
            List<String> fired = q.explanation().stream()
                    .map(QuoteResponse.ExplanationStep::rule)
                    .toList();
            for (String rule : e.rulesFired()) {
                if (!fired.contains(rule)) {
                    check.mismatch("rulesFired", rule, String.join(", ", fired));
                }
            }
        }
    }

    /** Collects mismatches; an expectation left out (null) is not checked. */
    private static final class Expectations {
        private final BigDecimal tolerance;
        private final List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();

        Expectations(BigDecimal tolerance) {
            this.tolerance = tolerance;
        }

        void equal(String field, Object expected, Object actual) {
            if (expected != null && !Objects.equals(expected, actual)) {
                mismatch(field, String.valueOf(expected), String.valueOf(actual));
            }
        }

        void number(String field, BigDecimal expected, BigDecimal actual) {
            if (expected == null) {
                return;
            }
            if (actual == null || expected.subtract(actual).abs().compareTo(tolerance) > 0) {
                mismatch(field, expected.toPlainString(), actual == null ? "null" : actual.toPlainString());
            }
        }

        void mismatch(String field, String expected, String actual) {
            mismatches.add(new ScenarioResult.Mismatch(field, expected, actual));
        }

        List<ScenarioResult.Mismatch> mismatches() {
            return mismatches;
        }
    }

    /** A scenario's own observations and rates: every job of the scenario sees all of them. */
    private record ScenarioMarket(List<MarketObservation> data, FxLookup fx) implements PricingPipeline.Market {
        @Override
        public List<MarketObservation> observations(String occupationCode, String country, String area, String region) {
            return data;
        }
    }
}
