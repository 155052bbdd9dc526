package org.jobpricing.plugins.hrispayroll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.ConfigField.Type;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;

/** The connector's configuration, read once per call from the plugin context. */
record HrisSettings(
        Optional<Path> file,
        Optional<Path> directory,
        Optional<Path> jobCodeMap,
        String sourceId,
        LocalDate effectiveDate,
        int minGroupSize) {

    static final String DEFAULT_SOURCE_ID = "hris-payroll";
    /** Below this a group's percentiles give away too much about the people in it. */
    static final int SMALLEST_GROUP = 3;

    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    static final List<ConfigField> SCHEMA = List.of(
            ConfigField.optional("file", Type.FILE, "an HRIS payroll export, CSV or JSON; set this or directory"),
            ConfigField.optional(
                    "directory",
                    Type.DIRECTORY,
                    "a folder of exports: every *.csv and *.json file in it is read; set this or file"),
            ConfigField.optional(
                    "jobCodeMap",
                    Type.FILE,
                    "CSV job_code,occupation_code; job codes that are SOC codes map to themselves"),
            ConfigField.optional("sourceId", Type.STRING, "source id of the rows (default " + DEFAULT_SOURCE_ID + ")"),
            ConfigField.optional("effectiveDate", Type.DATE, "the date the pay describes (default: today)"),
            ConfigField.optional(
                    "minGroupSize",
                    Type.INTEGER,
                    "smallest group emitted; smaller groups are " + "suppressed (default and minimum " + SMALLEST_GROUP
                            + ")"));

    /** True when neither a file nor a directory is set: the connector has nothing to read. */
    static boolean unconfigured(PluginContext context) {
        return context.get("file").isEmpty() && context.get("directory").isEmpty();
    }

    /** Every problem of a configuration on {@code today}. */
    static List<Problem> problems(Map<String, String> config, LocalDate today) {
        List<Problem> problems = new ArrayList<>(ConfigField.validate(SCHEMA, config));
        boolean file = set(config, "file");
        boolean directory = set(config, "directory");
        if (file == directory) {
            problems.add(new Problem(
                    0,
                    "file",
                    file
                            ? "set either file or directory, not both"
                            : "set file (one export) or directory (a folder of exports)"));
        }
        if (set(config, "sourceId")
                && !SOURCE_ID.matcher(config.get("sourceId").trim()).matches()) {
            problems.add(new Problem(0, "sourceId", "must be 1-100 characters of letters, digits and . _ : -"));
        }
        String size = config.get("minGroupSize");
        if (size != null && size.trim().matches("-?\\d{1,18}") && Long.parseLong(size.trim()) < SMALLEST_GROUP) {
            problems.add(new Problem(
                    0,
                    "minGroupSize",
                    "must be at least " + SMALLEST_GROUP + ": smaller groups would expose individual pay"));
        }
        String date = config.get("effectiveDate");
        if (date != null
                && date.trim().matches("\\d{4}-\\d{2}-\\d{2}")
                && problems.stream().noneMatch(p -> "effectiveDate".equals(p.column()))
                && LocalDate.parse(date.trim()).isAfter(today)) {
            problems.add(new Problem(0, "effectiveDate", "must not be after today (" + today + ")"));
        }
        return problems;
    }

    /** The settings of a context; throws when the configuration has problems. */
    static HrisSettings of(PluginContext context) {
        LocalDate today = LocalDate.now(context.clock());
        List<Problem> problems = problems(context.config(), today);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("hris-payroll configuration invalid: " + problems);
        }
        return new HrisSettings(
                path(context, "file"),
                path(context, "directory"),
                path(context, "jobCodeMap"),
                context.get("sourceId").map(String::trim).orElse(DEFAULT_SOURCE_ID),
                context.get("effectiveDate").map(d -> LocalDate.parse(d.trim())).orElse(today),
                context.get("minGroupSize").map(s -> Integer.parseInt(s.trim())).orElse(SMALLEST_GROUP));
    }

    /** The export files to read: the file, or the directory's *.csv and *.json files by name. */
    List<Path> exports() throws IOException {
        if (file.isPresent()) {
            return List.of(file.get());
        }
        try (Stream<Path> files = Files.list(directory.orElseThrow())) {
            return files.filter(Files::isRegularFile)
                    .filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(csv|json)"))
                    .sorted()
                    .toList();
        }
    }

    JobCodeMap jobCodes() throws IOException {
        return jobCodeMap.isPresent() ? JobCodeMap.read(jobCodeMap.get()) : JobCodeMap.socOnly();
    }

    private static boolean set(Map<String, String> config, String key) {
        return config.get(key) != null && !config.get(key).isBlank();
    }

    private static Optional<Path> path(PluginContext context, String key) {
        return context.get(key).map(v -> Path.of(v.trim()));
    }
}
