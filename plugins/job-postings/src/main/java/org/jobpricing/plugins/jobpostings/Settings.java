package org.jobpricing.plugins.jobpostings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.ConfigField.Type;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;

/** The connector's configuration, read once per call from the plugin context. */
record Settings(URI baseUrl, Optional<String> apiKey, int lookbackMonths, int minPostings, Optional<Path> titleMap) {

    static final int DEFAULT_LOOKBACK_MONTHS = 12;
    static final int MAX_LOOKBACK_MONTHS = 120;
    static final int DEFAULT_MIN_POSTINGS = 5;

    static final List<ConfigField> SCHEMA = List.of(
            ConfigField.required(
                    "baseUrl",
                    Type.URL,
                    "base URL of the postings API; pages are read from "
                            + "{baseUrl}/postings?from=YYYY-MM-DD&to=YYYY-MM-DD&page=N"),
            ConfigField.secret("apiKey", false, "API key, sent in the " + PostingsClient.API_KEY_HEADER + " header"),
            ConfigField.optional(
                    "lookbackMonths",
                    Type.INTEGER,
                    "complete months read on the first run, and the " + "furthest back any run reads (default "
                            + DEFAULT_LOOKBACK_MONTHS + ")"),
            ConfigField.optional(
                    "minPostings",
                    Type.INTEGER,
                    "postings a group needs to be emitted; smaller groups " + "are counted in a warning (default "
                            + DEFAULT_MIN_POSTINGS + ")"),
            ConfigField.optional(
                    "titleMap",
                    Type.FILE,
                    "CSV pattern,occupation_code,level adding rows to the "
                            + "bundled title map or replacing rows of the same pattern"));

    /** Every problem of a configuration: the schema's, then the ranges of the numbers. */
    static List<Problem> problems(Map<String, String> config) {
        List<Problem> problems = new ArrayList<>(ConfigField.validate(SCHEMA, config));
        range(config, "lookbackMonths", 1, MAX_LOOKBACK_MONTHS, problems);
        range(config, "minPostings", 1, Integer.MAX_VALUE, problems);
        return problems;
    }

    /** The settings of a context; throws when the configuration has problems. */
    static Settings of(PluginContext context) {
        List<Problem> problems = problems(context.config());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("job-postings configuration invalid: " + problems);
        }
        return new Settings(
                URI.create(context.get("baseUrl").orElseThrow().trim()),
                context.get("apiKey").map(String::trim),
                context.get("lookbackMonths")
                        .map(v -> Integer.parseInt(v.trim()))
                        .orElse(DEFAULT_LOOKBACK_MONTHS),
                context.get("minPostings").map(v -> Integer.parseInt(v.trim())).orElse(DEFAULT_MIN_POSTINGS),
                context.get("titleMap").map(v -> Path.of(v.trim())));
    }

    /** The title mapper: bundled tables, with the titleMap file's rows when one is configured. */
    TitleMapper titleMapper() throws IOException {
        return titleMap.isPresent() ? TitleMapper.withFile(titleMap.get()) : TitleMapper.bundled();
    }

    /** A whole number outside min..max is a problem; one that is not a number is the schema's problem. */
    private static void range(Map<String, String> config, String key, long min, long max, List<Problem> problems) {
        String value = config.get(key);
        if (value != null && value.trim().matches("-?\\d{1,18}")) {
            long number = Long.parseLong(value.trim());
            if (number < min || number > max) {
                problems.add(new Problem(
                        0,
                        key,
                        "must be " + (max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max)
                                + ", got " + number));
            }
        }
    }
}
