package org.jobpricing.bench.titleeval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jobpricing.plugin.api.CsvRows;

/** A title of the evaluation set and the O*NET-SOC codes that count as right for it. */
record LabelledTitle(String title, Set<String> expected, String source) {

    static final List<String> HEADER = List.of("title", "expected_code", "source");

    LabelledTitle {
        expected = Set.copyOf(expected);
    }

    /** Reads a title,expected_code,source file; alternative codes are separated by '|'. */
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

    /** The title in lower case with single spaces, as the plugin's evaluation compares titles. */
    static String key(String title) {
        return title.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
