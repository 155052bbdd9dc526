package org.jobpricing.bench;

import java.util.concurrent.TimeUnit;
import org.jobpricing.server.core.PricingCalculator;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleCompilationException;
import org.jobpricing.server.rules.RuleSetCompiler;
import org.jobpricing.server.rules.RuleSetLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One quote of worked example 1 (three sources) priced in memory, as the server prices it
 * ({@link PricingCalculator}: candidate selection, then the default rule set in Drools) and by
 * {@link HandWrittenPricing}. The setup refuses to measure unless both give the same figures to the cent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PricingBenchmark {

    WorkedExamples.Example example;
    CompiledRuleSet rules;

    @Setup(Level.Trial)
    public void setUp() throws RuleCompilationException {
        rules = defaultRules();
        SameFigures.check(rules);
        example = WorkedExamples.us();
    }

    /** The rule files bundled in the rules jar: the shipped default tables. */
    static CompiledRuleSet defaultRules() throws RuleCompilationException {
        return new RuleSetCompiler().compile(RuleSetLoader.bundled());
    }

    @Benchmark
    public PricingCalculator.Priced rules() {
        return PricingCalculator.price(example.job(), example.observations(), example.fx(), rules);
    }

    /** The same fact methods and explanation as {@link #rules()}, called in rule order without Drools. */
    @Benchmark
    public org.jobpricing.rules.facts.PricingResult engineFree() {
        return DirectFactsPricing.price(example.job(), example.observations(), example.fx());
    }

    @Benchmark
    public HandWrittenPricing.Quote handWritten() {
        return HandWrittenPricing.price(example.job(), example.observations(), example.fx());
    }
}
