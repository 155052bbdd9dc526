package org.jobpricing.plugins.blsoews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.ObservationChecks;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.SourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlsOewsSourceTest {

    static PluginContext context(Map<String, String> config) {
        return PluginContext.of("bls-oews", config, Clock.systemUTC());
    }

    @Test
    void readsTheBundledNationalFile() throws Exception {
        FetchResult result = new BlsOewsSource().fetch(context(Map.of()), null);

        assertThat(result.observations()).hasSizeGreaterThan(250);
        MarketObservation dev = result.observations().stream()
                .filter(o -> o.occupationCode().equals("15-1252"))
                .findFirst()
                .orElseThrow();
        assertThat(dev)
                .isEqualTo(new MarketObservation(
                        "bls-oews-2025",
                        SourceType.GOVERNMENT,
                        "15-1252",
                        null,
                        "US",
                        null,
                        "USD",
                        PayPeriod.ANNUAL,
                        LocalDate.of(2025, 5, 1),
                        82460.0,
                        105210.0,
                        135980.0,
                        171980.0,
                        214670.0,
                        1687890,
                        null));
        assertThat(result.observations())
                .allSatisfy(o -> assertThat(ObservationChecks.check(o)).isEmpty());
    }

    @Test
    void effectiveDateAndSourceIdComeFromConfiguration() throws Exception {
        FetchResult result = new BlsOewsSource().fetch(context(Map.of("effectiveDate", "2024-05-01")), null);

        assertThat(result.observations()).allSatisfy(o -> {
            assertThat(o.effectiveDate()).isEqualTo(LocalDate.of(2024, 5, 1));
            assertThat(o.sourceId()).isEqualTo("bls-oews-2024");
        });
    }

    @Test
    void suppressedCellsAreNullAndRowsWithoutMedianAreSkippedWithAWarning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("oews.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "soc,tot_emp,a_mean,a_pct10,a_pct25,a_median,a_pct75,a_pct90",
                        "11-1011,\"204,350\",269630,75700,129540,213990,356200,#",
                        "29-1211,40000,300000,*,,,,",
                        ""));

        FetchResult result = new BlsOewsSource().fetch(context(Map.of("file", file.toString())), null);

        assertThat(result.observations()).singleElement().satisfies(o -> {
            assertThat(o.sampleSize()).isEqualTo(204350);
            assertThat(o.p90()).isNull();
            assertThat(o.p50()).isEqualTo(213990.0);
        });
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("29-1211");
        });
    }

    @Test
    void aFileInAnotherFormatFails(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "a,b\n1,2\n");

        assertThatThrownBy(() -> new BlsOewsSource().fetch(context(Map.of("file", file.toString())), null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header must be exactly soc,tot_emp");
    }
}
