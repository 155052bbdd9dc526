package org.jobpricing.server.structures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleSetCompiler;
import org.jobpricing.server.rules.RuleSetLoader;
import org.jobpricing.server.structures.PayStructure.Grade;
import org.jobpricing.server.structures.PayStructure.Method;
import org.jobpricing.server.structures.PayStructure.PricedJob;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Worked example 4 of the pricing method (§13), with the shipped rule files. */
class StructureBuilderTest {

    static PayPolicy policy;
    static final double[] MRP = {52000, 61000, 70500, 83000, 95000};

    @BeforeAll
    static void compile() throws Exception {
        CompiledRuleSet rules =
                new RuleSetCompiler().compile(RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir())));
        policy = new PayPolicy(rules);
    }

    static List<PricedJob> jobs(double... scores) {
        return IntStream.range(0, MRP.length)
                .mapToObj(i -> new PricedJob(
                        "q" + i,
                        "Job " + i,
                        "15-1252",
                        "IC3",
                        "US",
                        null,
                        "USD",
                        MRP[i],
                        scores.length == 0 ? null : scores[i],
                        "v1"))
                .toList();
    }

    static void grade(Grade g, double min, double mid, double max) {
        assertThat(new double[] {g.min(), g.mid(), g.max()})
                .as("grade " + g.grade())
                .containsExactly(min, mid, max);
    }

    @Test
    void fourGradesFifteenPercentApartReproduceWorkedExample4() {
        StructureBuilder.Built built = StructureBuilder.build(
                new StructureBuilder.Spec(Method.PROGRESSION, 4, 0.15, null),
                jobs(),
                policy::grade,
                policy.rounding("USD").unit());
        assertThat(StructureBuilder.geometricMean(jobs())).isCloseTo(70674.83, within(0.005));
        List<Grade> g = built.grades();
        grade(g.get(0), 48000, 57500, 67000);
        grade(g.get(1), 55000, 66000, 77000);
        grade(g.get(2), 63000, 76000, 88500);
        grade(g.get(3), 69500, 87000, 104500);
        assertThat(g.get(0).spread()).isCloseTo(0.395833, within(5e-7));
        assertThat(g.get(3).spread()).isCloseTo(0.503597, within(5e-7));
        assertThat(g.get(0).progression()).isNull();
        assertThat(g.get(1).progression()).isCloseTo(0.147826, within(5e-7));
        assertThat(g.get(2).progression()).isCloseTo(0.151515, within(5e-7));
        assertThat(g.get(3).progression()).isCloseTo(0.144737, within(5e-7));
        assertThat(g.get(3).spreadRule().name()).isEqualTo("Grade spreads_13");
        assertThat(built.jobs().stream().map(PayStructure.SlottedJob::grade)).containsExactly(1, 1, 2, 4, 4);
        assertThat(built.jobs().get(0).deviation()).isCloseTo(-0.095652, within(5e-7));
        assertThat(built.jobs().get(4).deviation()).isCloseTo(0.091954, within(5e-7));
        assertThat(built.jobs()).noneMatch(PayStructure.SlottedJob::outside);
    }

    @Test
    void theRegressionOnScoresReproducesWorkedExample4() {
        StructureBuilder.Built built = StructureBuilder.build(
                new StructureBuilder.Spec(Method.REGRESSION, 4, null, null),
                jobs(100, 200, 300, 400, 500),
                policy::grade,
                500);
        assertThat(built.fit().intercept()).isCloseTo(10.711875, within(5e-7));
        assertThat(built.fit().slope()).isCloseTo(0.001513, within(5e-7));
        assertThat(built.fit().rSquared()).isCloseTo(0.999229, within(5e-7));
        List<Grade> g = built.grades();
        grade(g.get(0), 43500, 52000, 61000);
        grade(g.get(1), 53000, 64000, 74500);
        grade(g.get(2), 65000, 78000, 91000);
        grade(g.get(3), 76500, 95500, 115000);
        assertThat(g.get(1).score()).isCloseTo(233.333333, within(1e-6));
        for (Grade grade : g) {
            assertThat(grade.mid() / built.fit().at(grade.score()) - 1).isCloseTo(0, within(0.01));
        }
    }

    @Test
    void aJobHalfWayBetweenTwoMidsGoesToTheLowerGradeAndTheToleranceIsStrict() {
        Grade one = new Grade(1, 80000, 100000, 120000, 0.5, null, 0.10, null, false, null);
        Grade two = new Grade(2, 88000, 110000, 132000, 0.5, 0.1, 0.10, null, false, null);
        PricedJob between = new PricedJob("q", "t", "o", "IC3", "US", null, "USD", 105000, null, "v1");
        PricedJob atTolerance = new PricedJob("r", "t", "o", "IC3", "US", null, "USD", 121000, null, "v1");
        List<PayStructure.SlottedJob> slotted = StructureBuilder.slot(List.of(one, two), List.of(between, atTolerance));
        assertThat(slotted.get(0).grade()).isEqualTo(1);
        assertThat(slotted.get(1).grade()).isEqualTo(2);
        assertThat(slotted.get(1).deviation()).isCloseTo(0.10, within(1e-12));
        assertThat(slotted.get(1).outside()).isFalse();
    }
}
