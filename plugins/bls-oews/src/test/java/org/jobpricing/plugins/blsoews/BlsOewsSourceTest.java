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

    static MarketObservation find(FetchResult result, String soc, String area, int year) {
        return result.observations().stream()
                .filter(o -> o.occupationCode().equals(soc)
                        && java.util.Objects.equals(o.area(), area)
                        && o.effectiveDate().getYear() == year)
                .reduce((a, b) -> {
                    throw new AssertionError("two rows for " + soc + " " + area + " " + year);
                })
                .orElseThrow(() -> new AssertionError("no row for " + soc + " " + area + " " + year));
    }

    static MarketObservation bls(
            String area, int year, double p10, double p25, double p50, Double p75, Double p90, int n) {
        return new MarketObservation(
                "bls-oews",
                SourceType.GOVERNMENT,
                "15-1252",
                null,
                "US",
                area,
                "USD",
                PayPeriod.ANNUAL,
                LocalDate.of(year, 5, 1),
                p10,
                p25,
                p50,
                p75,
                p90,
                n,
                null);
    }

    @Test
    void shipsTheNationStatesMetrosAndNonmetroAreasOfBothEditionsAsMethodSection11Says() throws Exception {
        FetchResult result = new BlsOewsSource().fetch(context(Map.of()), null);

        // 222,312 rows of May 2024 and 81,554 of May 2025, less those without a published median
        assertThat(result.observations()).hasSizeBetween(290_000, 303_866);
        // all 831 detailed occupations are read; 5 (actors, dancers, musicians: hourly only) have no annual median
        assertThat(result.observations().stream()
                        .map(MarketObservation::occupationCode)
                        .distinct())
                .hasSize(826)
                .doesNotContain("27-2011", "27-2031", "27-2042", "27-2091", "27-2099");
        assertThat(result.warnings())
                .extracting(org.jobpricing.plugin.api.Problem::message)
                .anySatisfy(
                        m -> assertThat(m).contains("oews_2024.csv.gz").contains("without a published annual median"));
        // worked example 3 (method §12): the five rows of 15-1252 for San Francisco, California and the nation
        assertThat(find(result, "15-1252", null, 2024))
                .isEqualTo(bls(null, 2024, 79850, 103050, 133080, 169000.0, 211450.0, 1654440));
        assertThat(find(result, "15-1252", null, 2025))
                .isEqualTo(bls(null, 2025, 82460, 105210, 135980, 171980.0, 214670.0, 1687890));
        assertThat(find(result, "15-1252", "US-CA", 2024))
                .isEqualTo(bls("US-CA", 2024, 103950, 134820, 170910, 212280.0, null, 292630));
        assertThat(find(result, "15-1252", "US-CA", 2025))
                .isEqualTo(bls("US-CA", 2025, 105060, 136990, 174410, 216670.0, 272670.0, 284390));
        // a metro row has no employment: sample size 50
        assertThat(find(result, "15-1252", "US-41860", 2024))
                .isEqualTo(bls("US-41860", 2024, 128140, 160060, 174910, 213420.0, null, 50));
        assertThat(result.observations().stream().filter(o -> "US-41860".equals(o.area())))
                .allSatisfy(o -> assertThat(o.effectiveDate()).isEqualTo(LocalDate.of(2024, 5, 1)));
        // nonmetro areas of both years; territories by their USPS code
        assertThat(find(result, "15-1252", "US-PR", 2024).sampleSize()).isPositive();
        assertThat(result.observations().stream()
                        .filter(o -> "US-0600003".equals(o.area()))
                        .map(o -> o.effectiveDate().getYear())
                        .distinct())
                .containsExactlyInAnyOrder(2024, 2025);
        assertThat(result.observations())
                .allSatisfy(o -> assertThat(ObservationChecks.check(o)).isEmpty());
        assertThat(result.nextCursor()).startsWith("sha256:");
    }

    @Test
    void anUnchangedPluginReturnsNoRowsForItsOwnCursor() throws Exception {
        BlsOewsSource source = new BlsOewsSource();
        String cursor = source.fetch(context(Map.of()), null).nextCursor();

        FetchResult again = source.fetch(context(Map.of()), cursor);

        assertThat(again.observations()).isEmpty();
        assertThat(again.nextCursor()).isEqualTo(cursor);
        assertThat(again.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("unchanged"));
        assertThat(source.fetch(context(Map.of("sourceId", "bls-x")), cursor).observations())
                .as("another configuration is other data")
                .isNotEmpty();
        assertThat(source.fetch(context(Map.of()), "sha256:0").observations()).isNotEmpty();
    }

    @Test
    void effectiveDateAndSourceIdComeFromConfigurationForAGivenFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("oews.csv");
        Files.writeString(
                file,
                "soc,tot_emp,a_mean,a_pct10,a_pct25,a_median,a_pct75,a_pct90\n"
                        + "15-1252,1654440,144570,79850,103050,133080,169000,211450\n");
        FetchResult result = new BlsOewsSource()
                .fetch(
                        context(Map.of(
                                "file", file.toString(), "effectiveDate", "2024-05-01", "sourceId", "oews-2024")),
                        null);

        assertThat(result.observations()).singleElement().satisfies(o -> {
            assertThat(o.effectiveDate()).isEqualTo(LocalDate.of(2024, 5, 1));
            assertThat(o.sourceId()).isEqualTo("oews-2024");
            assertThat(o.area()).isNull();
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
