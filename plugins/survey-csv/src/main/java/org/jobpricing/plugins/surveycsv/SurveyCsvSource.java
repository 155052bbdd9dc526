package org.jobpricing.plugins.surveycsv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.ObservationCsv;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;
import org.pf4j.Extension;

/**
 * Observations from every {@code *.csv} file in the configured {@code directory}, in the pricing
 * method's CSV format. A file with any bad row is skipped whole and reported, so a half-read survey
 * never reaches pricing.
 */
@Extension
public class SurveyCsvSource implements MarketDataSource {

    @Override
    public String name() {
        return "survey-csv";
    }

    @Override
    public String description() {
        return "Salary survey files (*.csv in the pricing method's observation format) from a directory";
    }

    @Override
    public SourceType type() {
        return SourceType.SURVEY;
    }

    @Override
    public List<ConfigField> configSchema() {
        // a folder that does not exist yet is a warning at fetch time (nothing to read), not a broken source
        return List.of(
                ConfigField.required("directory", ConfigField.Type.STRING, "folder holding the survey CSV files"));
    }

    @Override
    public CheckResult check(PluginContext context) throws IOException {
        List<Problem> problems = ConfigField.validate(configSchema(), context.config());
        if (!problems.isEmpty()) {
            return CheckResult.failed("configuration invalid", problems);
        }
        Path directory = Path.of(context.get("directory").get());
        if (!Files.isDirectory(directory)) {
            return CheckResult.failed(directory.toAbsolutePath() + " does not exist");
        }
        int files = csvFiles(directory).size();
        return CheckResult.ok(
                files + " survey file(s) in " + context.get("directory").get());
    }

    /** Reads every file each time: surveys are small and replace their own rows, so no cursor is kept. */
    @Override
    public FetchResult fetch(PluginContext context, String cursor) throws IOException {
        if (context.get("directory").isEmpty()) {
            return new FetchResult(List.of(), List.of(new Problem(0, "directory", "not configured; nothing to read")));
        }
        Path directory = Path.of(context.get("directory").get());
        if (!Files.isDirectory(directory)) {
            return new FetchResult(
                    List.of(),
                    List.of(new Problem(
                            0, "directory", directory.toAbsolutePath() + " does not exist; nothing to read")));
        }
        List<MarketObservation> observations = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (Path file : csvFiles(directory)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ObservationCsv.Result result = ObservationCsv.parse(reader);
                if (result.ok()) {
                    result.rows().forEach(r -> observations.add(r.observation()));
                } else {
                    String name = file.getFileName().toString();
                    result.problems()
                            .forEach(p -> warnings.add(
                                    new Problem(p.line(), p.column(), name + ": " + p.message() + " (file skipped)")));
                }
            }
        }
        return new FetchResult(observations, warnings);
    }

    private static List<Path> csvFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }
}
