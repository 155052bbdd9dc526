package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void theFitRecoversTheModelThatMadeTheData() {
        double[] truth = {-1.0, 0.8, 1.5, 0, 0, 0, 0};
        Calibration model = new Calibration(truth);
        Random random = new Random(18);
        List<double[]> x = new ArrayList<>();
        boolean[] right = new boolean[20_000];
        double[] weight = new double[right.length];
        for (int i = 0; i < right.length; i++) {
            double[] xi = {1, random.nextGaussian(), random.nextDouble(), 0, 0, 0, 0};
            x.add(xi);
            right[i] = random.nextDouble() < model.probability(xi);
            weight[i] = 1;
        }

        Calibration fitted = Calibration.fit(x, right, weight);

        double[] probe = {1, 0.5, 0.7, 0, 0, 0, 0};
        assertThat(fitted.probability(probe)).isCloseTo(model.probability(probe), within(0.02));
        assertThat(fitted.lines())
                .hasSize(Calibration.FEATURES.size())
                .first()
                .asString()
                .startsWith("intercept\t");
    }

    @Test
    void theBundledCalibrationIsFittedAndMoreEvidenceMeansMoreConfidence() {
        Calibration bundled = Calibration.bundled();

        assertThat(bundled.lines()).isNotEqualTo(Calibration.identity().lines());
        double[] base = {1, 0, 0.5, 0.5, 0.5, 0, 0.5};
        for (int feature : new int[] {1, 3, 5}) { // share, head-word overlap, employment prior
            double[] more = base.clone();
            more[feature] += 1;
            assertThat(bundled.probability(more))
                    .as(Calibration.FEATURES.get(feature))
                    .isGreaterThan(bundled.probability(base));
        }
        double[] strong = {1, 4, 1, 1, 1, 1.9, 1};
        double[] weak = {1, -4, 0.2, 0, 0, -1, 0.1};
        assertThat(bundled.probability(strong)).isGreaterThan(0.75);
        assertThat(bundled.probability(weak)).isLessThan(0.1);
    }
}
