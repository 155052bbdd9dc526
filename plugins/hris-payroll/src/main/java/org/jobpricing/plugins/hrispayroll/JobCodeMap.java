package org.jobpricing.plugins.hrispayroll;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jobpricing.plugin.api.CsvRows;
import org.jobpricing.plugin.api.Problem;

/**
 * Job code to occupation code: the {@code jobCodeMap} file ({@code job_code,occupation_code}) first,
 * case-insensitively; then a job code that is already a SOC code ({@code NN-NNNN} or
 * {@code NN-NNNN.NN}) maps to itself.
 */
final class JobCodeMap {

    static final List<String> HEADER = List.of("job_code", "occupation_code");
    private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}(\\.\\d{2})?");
    private static final Pattern OCCUPATION = Pattern.compile("[A-Za-z0-9._-]{1,20}");

    private final Map<String, String> codes;

    private JobCodeMap(Map<String, String> codes) {
        this.codes = Map.copyOf(codes);
    }

    static JobCodeMap socOnly() {
        return new JobCodeMap(Map.of());
    }

    /** Reads a map file; throws {@link BadMapException} listing its problems when any row is bad. */
    static JobCodeMap read(Path file) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> codes = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRows.Result csv = CsvRows.read(reader, HEADER);
            problems.addAll(csv.problems());
            for (CsvRows.Row row : csv.rows()) {
                if (row.get(0) == null) {
                    problems.add(new Problem(row.line(), "job_code", "is missing"));
                } else if (row.get(1) == null || !OCCUPATION.matcher(row.get(1)).matches()) {
                    problems.add(new Problem(
                            row.line(), "occupation_code", "must be 1-20 characters of letters, digits and . _ -"));
                } else if (codes.putIfAbsent(key(row.get(0)), row.get(1)) != null) {
                    problems.add(new Problem(row.line(), "job_code", "is mapped twice"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BadMapException(problems);
        }
        return new JobCodeMap(codes);
    }

    Optional<String> occupation(String jobCode) {
        String mapped = codes.get(key(jobCode));
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return SOC.matcher(jobCode).matches() ? Optional.of(jobCode) : Optional.empty();
    }

    private static String key(String jobCode) {
        return jobCode.trim().toUpperCase(Locale.ROOT);
    }

    /** A jobCodeMap file with bad rows; the problems name line and column. */
    static final class BadMapException extends IOException {
        private final List<Problem> problems;

        BadMapException(List<Problem> problems) {
            super("jobCodeMap has " + problems.size() + " problem(s): " + problems);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }
}
