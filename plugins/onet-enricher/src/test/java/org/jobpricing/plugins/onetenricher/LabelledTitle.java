package org.jobpricing.plugins.onetenricher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jobpricing.plugin.api.CsvRows;

/**
 * A job title of the evaluation set and the O*NET-SOC codes that count as right for it: O*NET lists some
 * titles under several occupations, written {@code 35-2014.00|35-2015.00} in the CSV.
 */
record LabelledTitle(String title, Set<String> expected, String source) {

    static final List<String> HEADER = List.of("title", "expected_code", "source");
    static final String HANDWRITTEN = "handwritten";
    static final String REPORTED = "onet-reported";

    LabelledTitle {
        expected = Set.copyOf(expected);
    }

    /** Reads a title,expected_code,source file. */
    static List<LabelledTitle> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRows.Result csv = CsvRows.read(reader, HEADER);
            if (!csv.ok()) {
                throw new IOException(file + ": " + csv.problems());
            }
            return csv.rows().stream()
                    .map(r -> new LabelledTitle(r.get(0), Set.of(r.get(1).split("\\|")), r.get(2)))
                    .toList();
        }
    }

    /** The titles of {@code set} that come from {@code source}. */
    static List<LabelledTitle> from(List<LabelledTitle> set, String source) {
        return set.stream().filter(t -> t.source().equals(source)).toList();
    }

    /** A title in lower case with single spaces, as exact lookups compare titles. */
    static String key(String title) {
        return title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** This title as a CSV line, alternative codes sorted. */
    String csvLine() {
        return quote(title) + "," + String.join("|", expected.stream().sorted().toList()) + "," + source;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
