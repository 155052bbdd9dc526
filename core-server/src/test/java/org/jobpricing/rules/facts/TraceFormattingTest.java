package org.jobpricing.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The explanation's numbers and messages: rounded as the exact binary value rounds, places filled as written. */
class TraceFormattingTest {

    static BigDecimal exact(double value, int scale) {
        return new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
    }

    static void same(double value, int scale) {
        assertThat(Trace.rounded(value, scale))
                .as("%s (%s) to %d decimals", value, new BigDecimal(value), scale)
                .isEqualTo(exact(value, scale));
    }

    @Test
    void valuesOnEitherSideOfEveryKindOfHalfWayPointRoundAsTheirExactValue() {
        // 2.675 is 2.67499999999999982236431605997495353221893310546875 in binary: 2.67, not 2.68
        assertThat(Trace.rounded(2.675, 2)).isEqualTo(new BigDecimal("2.67"));
        assertThat(Trace.rounded(1.005, 2)).isEqualTo(new BigDecimal("1.00"));
        assertThat(Trace.rounded(0.125, 2)).as("exactly half way: up").isEqualTo(new BigDecimal("0.13"));
        assertThat(Trace.rounded(-0.125, 2)).as("half up is away from zero").isEqualTo(new BigDecimal("-0.13"));
        assertThat(Trace.rounded(177139.39999999997, 2)).isEqualTo(new BigDecimal("177139.40"));
        assertThat(Trace.rounded(12.000000000000002, 6)).isEqualTo(new BigDecimal("12.000000"));
        for (int scale = 0; scale <= 6; scale++) {
            for (long units = 0; units < 20_000; units++) {
                double half = (units + 0.5) / Math.pow(10, scale);
                for (double v : new double[] {half, Math.nextUp(half), Math.nextDown(half), -half, units / 7.0}) {
                    same(v, scale);
                }
            }
        }
    }

    @Test
    void randomNumbersOfEveryMagnitudeRoundAsTheirExactValue() {
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 400_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(-9, 16));
            double v = (random.nextDouble() * 2 - 1) * magnitude;
            same(v, 2);
            same(v, 6);
        }
        // money and factors as the method computes them: products and quotients of short decimals
        for (int i = 0; i < 200_000; i++) {
            double pay = random.nextInt(20_000, 400_000) + random.nextInt(100) / 100.0;
            double factor = random.nextInt(500, 1500) / 1000.0;
            same(pay * factor, 2);
            same(pay * factor / 3, 2);
            same(factor * factor, 6);
            same(pay / 2080, 6);
        }
        for (double v : new double[] {0.0, -0.0, Double.MIN_VALUE, 4503599627370495.5, 1e300, -1e300}) {
            same(v, 2);
            same(v, 6);
        }
    }

    @Test
    void theDataHoldsAtMostSixDecimalsWithoutTrailingZeros() {
        assertThat(Trace.number(117649.896)).isEqualTo(new BigDecimal("117649.896"));
        assertThat(Trace.number(12.000000000000002)).isEqualTo(new BigDecimal("12"));
        assertThat(Trace.number(1.0 / 3)).isEqualTo(new BigDecimal("0.333333"));
        assertThat(Trace.number(1e7)).isEqualTo(new BigDecimal("10000000"));
        assertThat(Trace.number(null)).isNull();
        assertThat(Trace.number(Double.NaN)).isNull();
    }

    @Test
    void aMessageFillsItsPlacesAndLeavesEverythingElseAsWritten() {
        Trace trace = new Trace();
        Trace.Note note = trace.note(
                        "P{n} {p} x {factor} = {result} ({missing}, {not a place}, {{factor}}, {}, $1 \\ {")
                .word("n", "75")
                .word("factor", "a word loses to a number")
                .in("p", 177139.39999999997, Trace.Kind.MONEY)
                .in("factor", 0.85, Trace.Kind.FACTOR)
                .in("factor", 1.0 / 3, Trace.Kind.FACTOR)
                .out("result", 59046.46666666666, Trace.Kind.MONEY);
        assertThat(note.message())
                .isEqualTo("P75 177139.40 x 0.333333 = 59046.47 ({missing}, {not a place}, {0.333333}, {}, $1 \\ {");
        assertThat(note.inputs())
                .containsExactly(
                        java.util.Map.entry("p", new BigDecimal("177139.4")),
                        java.util.Map.entry("factor", new BigDecimal("0.333333")));
        Trace.Note unset = trace.note("{x} and {y}").in("x", null, Trace.Kind.MONEY);
        assertThat(unset.message()).isEqualTo("unset and {y}");
        assertThat(Trace.shown(Double.POSITIVE_INFINITY, Trace.Kind.MONEY)).isEqualTo("Infinity");
        assertThat(Trace.shown(0.7, Trace.Kind.FACTOR)).isEqualTo("0.7");
        assertThat(Trace.shown(100000.0, Trace.Kind.MONEY)).isEqualTo("100000.00");
    }
}
