package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.SkillMatch;
import org.junit.jupiter.api.Test;

class ApiRecordsTest {

    @Test
    void scoresOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> new OccupationMatch("15-1252.00", "Software Developers", 1.01, "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.01");
        assertThatThrownBy(() -> new SkillMatch("Python", true, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SkillMatch(null, true, 0.5)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordsCompareByValue() {
        assertThat(new SkillMatch("Python", true, 0.5)).isEqualTo(new SkillMatch("Python", true, 0.5));
        assertThat(new OccupationMatch("29-1141.00", "Registered Nurses", 0.0, "r").score())
                .isZero();
    }
}
