package org.jobpricing.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ObservationCsvTest {

    static final String HEADER = String.join(",", ObservationCsv.HEADER) + "\n";

    @Test
    void parsesTheMethodsCsvFormInclusiveOfEmptyCellsQuotesAndABom() {
        ObservationCsv.Result result = ObservationCsv.parse(new StringReader("\uFEFF" + HEADER
                + "acme-2025,survey,15-1252,ic3,us,us-nyc,usd,annual,2025-07-01,95000,110000,128000,147000,165000,120,40\r\n"
                + "\n"
                + "\"oews-2025\",GOVERNMENT,15-1252,,US,,USD,HOURLY,2025-05-01,,,\"64.5\",,,1500,\n"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).extracting(ObservationCsv.Line::line).containsExactly(2L, 4L);
        assertThat(result.rows().get(0).observation())
                .isEqualTo(new MarketObservation(
                        "acme-2025",
                        SourceType.SURVEY,
                        "15-1252",
                        "IC3",
                        "US",
                        "US-NYC",
                        "USD",
                        PayPeriod.ANNUAL,
                        LocalDate.of(2025, 7, 1),
                        95000.0,
                        110000.0,
                        128000.0,
                        147000.0,
                        165000.0,
                        120,
                        40));
        MarketObservation oews = result.rows().get(1).observation();
        assertThat(oews.level()).isNull();
        assertThat(oews.area()).isNull();
        assertThat(oews.p10()).isNull();
        assertThat(oews.p50()).isEqualTo(64.5);
        assertThat(oews.period()).isEqualTo(PayPeriod.HOURLY);
        assertThat(oews.orgCount()).isNull();
    }

    @Test
    void reportsEveryProblemWithLineAndColumn() {
        ObservationCsv.Result result = ObservationCsv.parse(new StringReader(HEADER
                + "ok,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2025-07-01,,,100,,,10,\n"
                + "bad,CENSUS,15-1252,IC3,US,,USD,WEEKLY,2025-02-30,,,abc,,,ten,\n"
                + "short,SURVEY,15-1252\n"
                + "order,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2025-07-01,300,200,100,,,10,0\n"));

        assertThat(result.rows()).extracting(r -> r.observation().sourceId()).containsExactly("ok");
        assertThat(result.problems())
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly(
                        "3:source_type",
                        "3:period",
                        "3:effective_date",
                        "3:p50",
                        "3:sample_size",
                        "4:null",
                        "5:org_count",
                        "5:p25",
                        "5:p50");
        assertThat(result.problems().get(5).message()).isEqualTo("expected 16 cells, found 3");
        assertThat(result.problems().get(7).message()).contains("must not be below p10");
    }

    @Test
    void aWrongHeaderStopsBeforeAnyRow() {
        ObservationCsv.Result result = ObservationCsv.parse(new StringReader("source,type\nx,y\n"));

        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("header must be exactly source_id,source_type");
        });
    }

    @Test
    void malformedQuotingIsAProblemNotAnException() {
        ObservationCsv.Result result = ObservationCsv.parse(new StringReader(HEADER + "\"unterminated,SURVEY\n"));

        assertThat(result.ok()).isFalse();
        assertThat(result.problems().get(0).message()).startsWith("malformed CSV");
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertThat(ObservationCsv.parse(new StringReader("")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
    }
}
