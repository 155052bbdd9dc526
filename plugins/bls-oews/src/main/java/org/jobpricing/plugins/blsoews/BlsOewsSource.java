package org.jobpricing.plugins.blsoews;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.CsvRows;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;
import org.pf4j.Extension;

/**
 * GOVERNMENT observations from a BLS OEWS national wage file: one per SOC code, all levels, the whole
 * US, annual USD, sample size = total employment. Ships the May 2025 national file; {@code file}
 * points at another one in the same columns.
 */
@Extension
public class BlsOewsSource implements MarketDataSource {

    static final List<String> HEADER =
            List.of("soc", "tot_emp", "a_mean", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90");
    static final String BUNDLED = "/org/jobpricing/plugins/blsoews/national_wages.csv";
    static final String DEFAULT_EFFECTIVE_DATE = "2025-05-01";

    @Override
    public String name() {
        return "bls-oews";
    }

    @Override
    public String description() {
        return "BLS Occupational Employment and Wage Statistics, national annual wages by SOC code";
    }

    @Override
    public SourceType type() {
        return SourceType.GOVERNMENT;
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(
                ConfigField.optional(
                        "effectiveDate",
                        ConfigField.Type.DATE,
                        "reference date of the wages (default " + DEFAULT_EFFECTIVE_DATE + ", the May 2025 survey)"),
                ConfigField.optional(
                        "file",
                        ConfigField.Type.FILE,
                        "an OEWS national file in the bundled file's columns (default: the bundled May 2025 file)"),
                ConfigField.optional(
                        "sourceId", ConfigField.Type.STRING, "source id of the rows (default bls-oews-<year>)"));
    }

    /** Reads the whole file each time; its rows replace the ones stored before, so no cursor is kept. */
    @Override
    public FetchResult fetch(PluginContext context, String cursor) throws IOException {
        LocalDate effective = LocalDate.parse(context.get("effectiveDate").orElse(DEFAULT_EFFECTIVE_DATE));
        String sourceId = context.get("sourceId").orElse("bls-oews-" + effective.getYear());
        Optional<String> file = context.get("file");
        try (Reader reader =
                file.isPresent() ? Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8) : bundled()) {
            return read(reader, sourceId, effective);
        }
    }

    private Reader bundled() throws IOException {
        InputStream in = BlsOewsSource.class.getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IOException("the bundled OEWS file " + BUNDLED + " is missing from the plugin jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static FetchResult read(Reader reader, String sourceId, LocalDate effective) throws IOException {
        CsvRows.Result csv = CsvRows.read(reader, HEADER);
        if (!csv.ok() && csv.rows().isEmpty()) {
            throw new IOException("not an OEWS national file: " + csv.problems().get(0));
        }
        List<Problem> warnings = new ArrayList<>(csv.problems());
        List<MarketObservation> observations = new ArrayList<>();
        for (CsvRows.Row row : csv.rows()) {
            Double median = wage(row.get(5));
            Long employment = count(row.get(1));
            if (median == null || employment == null || employment < 1) {
                warnings.add(new Problem(
                        row.line(),
                        median == null ? "a_median" : "tot_emp",
                        "suppressed or missing for " + row.get(0) + "; row skipped"));
                continue;
            }
            observations.add(new MarketObservation(
                    sourceId,
                    SourceType.GOVERNMENT,
                    row.get(0),
                    null,
                    "US",
                    null,
                    "USD",
                    PayPeriod.ANNUAL,
                    effective,
                    wage(row.get(3)),
                    wage(row.get(4)),
                    median,
                    wage(row.get(6)),
                    wage(row.get(7)),
                    (int) Math.min(Integer.MAX_VALUE, employment),
                    null));
        }
        return new FetchResult(observations, warnings);
    }

    /** A wage cell; OEWS marks suppressed or top-coded estimates with * or #, read as not reported. */
    private static Double wage(String cell) {
        if (cell == null || cell.startsWith("*") || cell.startsWith("#")) {
            return null;
        }
        try {
            return Double.valueOf(cell.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long count(String cell) {
        Double value = wage(cell);
        return value == null ? null : value.longValue();
    }
}
