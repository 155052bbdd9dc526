package org.jobpricing.plugins.hrispayroll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;
import org.pf4j.Extension;

/**
 * HRIS observations from the organisation's own payroll export: a CSV file with the header
 * {@code employee_id,job_code,level,location,base_pay,currency,period}, or a JSON array of objects with
 * the fields {@code employeeId, jobCode, level, location, basePay, currency, period}; a configured
 * {@code file}, or every {@code *.csv} and {@code *.json} file of a {@code directory}.
 *
 * <p>Rows are grouped by {@link PayrollAggregator}; a group smaller than {@code minGroupSize} (at least 3)
 * is never emitted. Nothing this connector logs, returns or warns about carries an employee id or a
 * person's pay. The cursor is a digest of the inputs ({@link InputDigest}): an unchanged export gives
 * no rows.
 */
@Extension
public class HrisPayrollSource implements MarketDataSource {

    @Override
    public String name() {
        return "hris-payroll";
    }

    @Override
    public String description() {
        return "Pay percentiles of the organisation's own employees from an HRIS payroll export (CSV or JSON)";
    }

    @Override
    public SourceType type() {
        return SourceType.HRIS;
    }

    @Override
    public List<ConfigField> configSchema() {
        return HrisSettings.SCHEMA;
    }

    /** Not configured until one of {@code file} or {@code directory} is set. */
    @Override
    public List<String> missingSettings(java.util.Map<String, String> config) {
        boolean set = java.util.stream.Stream.of("file", "directory")
                .anyMatch(k -> config.get(k) != null && !config.get(k).isBlank());
        return set ? List.of() : List.of("file or directory");
    }

    /** Validates the configuration and the job-code map, then reads every export without aggregating. */
    @Override
    public CheckResult check(PluginContext context) throws IOException {
        List<Problem> problems = HrisSettings.problems(context.config(), LocalDate.now(context.clock()));
        if (!problems.isEmpty()) {
            return CheckResult.failed("configuration invalid", problems);
        }
        HrisSettings settings = HrisSettings.of(context);
        try {
            settings.jobCodes();
        } catch (JobCodeMap.BadMapException e) {
            return CheckResult.failed("jobCodeMap invalid", e.problems());
        }
        List<Path> exports = settings.exports();
        int rows = 0;
        try {
            for (Path export : exports) {
                rows += ExportReader.read(export.getFileName().toString(), Files.readAllBytes(export))
                        .rows()
                        .size();
            }
        } catch (ExportReader.NotAnExportException e) {
            return CheckResult.failed(e.getMessage());
        }
        return exports.isEmpty()
                ? CheckResult.failed(
                        "no *.csv or *.json export in " + settings.directory().orElseThrow())
                : CheckResult.ok(exports.size() + " export file(s), " + rows + " row(s)");
    }

    @Override
    public FetchResult fetch(PluginContext context, String cursor) throws IOException {
        if (HrisSettings.unconfigured(context)) {
            return new FetchResult(
                    List.of(),
                    List.of(new Problem(0, "file", "neither file nor directory is " + "configured; nothing to read")),
                    cursor);
        }
        HrisSettings settings = HrisSettings.of(context);
        JobCodeMap jobCodes = settings.jobCodes();
        List<Path> exports = settings.exports();
        List<byte[]> contents = new ArrayList<>();
        for (Path export : exports) {
            contents.add(Files.readAllBytes(export));
        }
        String nextCursor = digest(context, settings, contents);
        if (nextCursor.equals(cursor)) {
            context.logger().info("exports unchanged since the last run; nothing to emit");
            return new FetchResult(List.of(), List.of(), cursor);
        }
        List<PayrollRow> rows = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (int i = 0; i < exports.size(); i++) {
            ExportReader.Export export =
                    ExportReader.read(exports.get(i).getFileName().toString(), contents.get(i));
            rows.addAll(export.rows());
            warnings.addAll(export.problems());
        }
        if (exports.isEmpty()) {
            warnings.add(new Problem(
                    0,
                    "directory",
                    "no *.csv or *.json export in " + settings.directory().get()));
        }
        PayrollAggregator.Result result = new PayrollAggregator(
                        jobCodes, settings.minGroupSize(), settings.sourceId(), settings.effectiveDate())
                .aggregate(rows);
        warnings.addAll(result.warnings());
        context.logger()
                .info(
                        "{} row(s) in {} export file(s): {} group(s) emitted, {} warning(s)",
                        rows.size(),
                        exports.size(),
                        result.observations().size(),
                        warnings.size());
        return new FetchResult(result.observations(), warnings, nextCursor);
    }

    private static String digest(PluginContext context, HrisSettings settings, List<byte[]> contents)
            throws IOException {
        InputDigest digest = new InputDigest().addAll("export", contents);
        if (settings.jobCodeMap().isPresent()) {
            digest.add("jobCodeMap", Files.readAllBytes(settings.jobCodeMap().get()));
        }
        return digest.add("sourceId", settings.sourceId())
                .add("effectiveDate", context.get("effectiveDate").orElse("today"))
                .add("minGroupSize", String.valueOf(settings.minGroupSize()))
                .cursor();
    }
}
