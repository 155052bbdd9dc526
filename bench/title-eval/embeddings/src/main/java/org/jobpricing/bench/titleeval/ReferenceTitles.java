package org.jobpricing.bench.titleeval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The titles the onet-enricher plugin indexes, read from the O*NET files bundled in its jar. Holding
 * titles out removes the same alternate-title rows as the plugin's own evaluation (TitleEval) does.
 */
final class ReferenceTitles {

    private static final String RESOURCES = "/org/jobpricing/plugins/onetenricher/";

    /** A title of an occupation. */
    record Entry(String code, String title) {
    }

    private record AlternateRow(String code, String title, String shortTitle) {

        boolean isOneOf(Set<String> keys) {
            return keys.contains(LabelledTitle.key(title))
                    || keys.contains(LabelledTitle.key(title.replaceAll("\\([^)]*\\)", " ")))
                    || (shortTitle != null && keys.contains(LabelledTitle.key(shortTitle)));
        }
    }

    private final List<Entry> occupations;
    private final List<AlternateRow> alternates;

    private ReferenceTitles(List<Entry> occupations, List<AlternateRow> alternates) {
        this.occupations = occupations;
        this.alternates = alternates;
    }

    static ReferenceTitles bundled() throws IOException {
        List<Entry> occupations = rows("occupation_data.txt").stream().map(r -> new Entry(r[0], r[1])).toList();
        List<AlternateRow> alternates = rows("alternate_titles.txt").stream()
                .map(r -> new AlternateRow(r[0], r[1], "n/a".equals(r[2]) ? null : r[2])).toList();
        return new ReferenceTitles(occupations, alternates);
    }

    /** Occupation, alternate and short titles, without the alternate rows that are one of {@code heldOut} (keys). */
    List<Entry> entries(Set<String> heldOut) {
        List<Entry> entries = new ArrayList<>(occupations);
        for (AlternateRow row : alternates) {
            if (!row.isOneOf(heldOut)) {
                entries.add(new Entry(row.code(), row.title()));
                if (row.shortTitle() != null) {
                    entries.add(new Entry(row.code(), row.shortTitle()));
                }
            }
        }
        return entries;
    }

    private static List<String[]> rows(String file) throws IOException {
        InputStream in = ReferenceTitles.class.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new IOException(RESOURCES + file + " is not on the classpath; is the onet-enricher jar?");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }
}
