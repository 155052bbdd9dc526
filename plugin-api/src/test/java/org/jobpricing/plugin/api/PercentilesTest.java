package org.jobpricing.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void interpolatesLinearlyBetweenTheClosestRanks() {
        assertThat(Percentiles.of(new double[] {200, 100, 150, 130, 120, 160}))
                .isEqualTo(new Percentiles(110, 122.5, 140, 157.5, 180));
    }

    @Test
    void fiveValuesPutP25P50AndP75OnRanks() {
        assertThat(Percentiles.of(new double[] {10, 20, 30, 40, 50})).isEqualTo(new Percentiles(14, 20, 30, 40, 46));
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Percentiles.of(new double[] {42})).isEqualTo(new Percentiles(42, 42, 42, 42, 42));
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Percentiles.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
