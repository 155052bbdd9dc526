package com.example.connector;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.plugin.api.CheckResult;
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
 * A connector to copy. It reads pay summaries from a CSV file
 * ({@code occupation_code,level,country,currency,p25,p50,p75,sample_size}) and turns each line into an
 * observation. Replace {@link #fetch} with your source's API: {@code context.http()} is a client that
 * retries 429/5xx and honours Retry-After; {@code context.logger()} logs under {@code plugin.<id>}.
 *
 * <p>Rules of the road: return bad lines as warnings instead of throwing (throw only when nothing can be
 * read); never call the system clock (use {@code context.clock()}); keep no state between calls - what
 * the next run needs goes into the cursor.
 */
@Extension
public class ExampleSource implements MarketDataSource {

    static final List<String> HEADER = List.of("occupation_code", "level", "country", "currency", "p25", "p50", "p75",
            "sample_size");

    @Override
    public String name() {
        return "example";
    }

    @Override
    public String description() {
        return "Pay summaries from a CSV export (example connector)";
    }

    @Override
    public SourceType type() {
        return SourceType.SURVEY;
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(
                ConfigField.required("file", ConfigField.Type.FILE, "the CSV export to read"),
                ConfigField.optional("sourceId", ConfigField.Type.STRING, "source id of the rows (default example)"),
                ConfigField.optional("effectiveDate", ConfigField.Type.DATE,
                        "date the pay applies to (default: the file's last-modified date)"));
    }

    @Override
    public CheckResult check(PluginContext context) throws IOException {
        List<Problem> problems = ConfigField.validate(configSchema(), context.config());
        if (!problems.isEmpty()) {
            return CheckResult.failed("configuration invalid", problems);
        }
        Path file = Path.of(context.get("file").orElseThrow());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRows.Result csv = CsvRows.read(reader, HEADER);
            return csv.rows().isEmpty() && !csv.ok()
                    ? CheckResult.failed("not an export: " + csv.problems().get(0), csv.problems())
                    : CheckResult.ok(csv.rows().size() + " line(s) in " + file.getFileName());
        }
    }

    /** The cursor is the file's last-modified time: an unchanged file is not read again. */
    @Override
    public FetchResult fetch(PluginContext context, String cursor) throws IOException {
        Path file = Path.of(context.get("file").orElseThrow());
        String modified = Files.getLastModifiedTime(file).toInstant().toString();
        if (modified.equals(cursor)) {
            context.logger().info("{} unchanged since {}", file.getFileName(), cursor);
            return new FetchResult(List.of(), List.of(), cursor);
        }
        LocalDate effective = context.get("effectiveDate").map(LocalDate::parse)
                .orElse(LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), context.clock().getZone()));
        String sourceId = context.get("sourceId").orElse("example");
        List<MarketObservation> rows = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRows.Result csv = CsvRows.read(reader, HEADER);
            if (csv.rows().isEmpty() && !csv.ok()) {
                throw new IOException("not an export: " + csv.problems().get(0));
            }
            warnings.addAll(csv.problems());
            for (CsvRows.Row row : csv.rows()) {
                try {
                    rows.add(new MarketObservation(sourceId, SourceType.SURVEY, row.get(0),
                            row.get(1).isBlank() ? null : row.get(1), row.get(2), null, row.get(3), PayPeriod.ANNUAL,
                            effective, null, amount(row.get(4)), Double.parseDouble(row.get(5)), amount(row.get(6)),
                            null, Integer.parseInt(row.get(7)), null));
                } catch (NumberFormatException e) {
                    warnings.add(new Problem(row.line(), null, "not a number: " + e.getMessage() + "; line skipped"));
                }
            }
        }
        return new FetchResult(rows, warnings, modified);
    }

    private static Double amount(String cell) {
        return cell == null || cell.isBlank() ? null : Double.parseDouble(cell);
    }
}
