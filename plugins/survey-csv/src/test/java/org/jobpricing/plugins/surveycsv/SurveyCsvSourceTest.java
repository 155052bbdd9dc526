package org.jobpricing.plugins.surveycsv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.SourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyCsvSourceTest {

    static final String HEADER = "source_id,source_type,occupation_code,level,country,area,currency,period,"
            + "effective_date,p10,p25,p50,p75,p90,sample_size,org_count\n";

    static PluginContext context(Map<String, String> config) {
        return PluginContext.of("survey-csv", config, Clock.systemUTC());
    }

    @Test
    void readsEveryValidFileAndSkipsABadOneWhole(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("a-good.csv"),
                HEADER
                        + "acme-survey-2025,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2025-07-01,95000,110000,128000,147000,165000,120,40\n"
                        + "postings-q2,POSTINGS,15-1252,IC3,US,,USD,ANNUAL,2026-04-01,,115000,132000,150000,,45,\n");
        Files.writeString(
                dir.resolve("b-bad.csv"),
                HEADER
                        + "x-survey,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2025-07-01,,,100000,,,50,10\n"
                        + "x-survey,SURVEY,15-1252,IC4,US,,USD,ANNUAL,2025-07-01,,,,,,50,10\n");
        Files.writeString(dir.resolve("notes.txt"), "not a csv");

        FetchResult result = new SurveyCsvSource().fetch(context(Map.of("directory", dir.toString())), null);

        assertThat(result.observations())
                .extracting(MarketObservation::sourceId)
                .containsExactly("acme-survey-2025", "postings-q2");
        assertThat(result.observations().get(1).sourceType()).isEqualTo(SourceType.POSTINGS);
        assertThat(result.observations().get(1).p10()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.column()).isEqualTo("p50");
            assertThat(w.message()).startsWith("b-bad.csv: ").endsWith("(file skipped)");
        });
    }

    @Test
    void aMissingDirectoryIsAWarningNotAFailure(@TempDir Path dir) throws Exception {
        FetchResult result = new SurveyCsvSource()
                .fetch(context(Map.of("directory", dir.resolve("absent").toString())), null);

        assertThat(result.observations()).isEmpty();
        assertThat(result.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("does not exist"));
    }
}
