package org.jobpricing.plugins.onetenricher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word tables title normalisation reads, kept as data beside the O*NET files: abbreviations
 * ({@code abbreviations.tsv}), spelling variants ({@code spelling-variants.tsv}) and seniority and level
 * words ({@code level-words.tsv}). Lines starting with {@code #} are comments; the first other line is
 * the header.
 */
record TitleWords(
        Map<List<String>, List<String>> rewrites,
        Map<String, String> dotted,
        Map<String, String> capitals,
        Map<List<String>, LevelWord> levels,
        int longestPhrase) {

    /** The level table's codes in rank order (rules/levels.drl.csv). */
    static final List<String> LEVELS = List.of("IC1", "IC2", "IC3", "IC4", "IC5", "IC6", "M1", "M2", "M3", "M4", "M5");

    /** What a level word does to the title it is in. */
    enum Action {
        STRIP,
        STRIP_LEADING,
        KEEP
    }

    /** A seniority or level word: the level it suggests, what it does, and the words its hint needs. */
    record LevelWord(List<String> words, String level, Action action, Set<String> only) {

        boolean management() {
            return level.startsWith("M");
        }
    }

    static TitleWords bundled() {
        Map<List<String>, List<String>> rewrites = new HashMap<>();
        Map<String, String> dotted = new HashMap<>();
        Map<String, String> capitals = new HashMap<>();
        for (String[] row : read("abbreviations.tsv", "abbreviation\texpansion\twhen", 3)) {
            String key = row[0].trim();
            switch (row[2].trim()) {
                case "capitals" -> capitals.put(key.toUpperCase(java.util.Locale.ROOT), row[1].trim());
                case "any" -> {
                    if (key.endsWith(".")) {
                        dotted.put(key.substring(0, key.length() - 1), row[1].trim());
                    } else {
                        rewrites.put(words(key), words(row[1]));
                    }
                }
                default ->
                    throw new IllegalStateException("abbreviations.tsv: 'when' must be any or capitals, got '" + row[2]
                            + "' for '" + key + "'");
            }
        }
        for (String[] row : read("spelling-variants.tsv", "variant\tform", 2)) {
            rewrites.put(words(row[0]), words(row[1]));
        }
        Map<List<String>, LevelWord> levels = new HashMap<>();
        for (String[] row : read("level-words.tsv", "words\tlevel\taction\tonly", 4)) {
            String level = row[1].trim();
            if (!LEVELS.contains(level)) {
                throw new IllegalStateException("level-words.tsv: '" + level + "' is not a level of the level table");
            }
            Action action = Action.valueOf(
                    row[2].trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            Set<String> only = row[3].isBlank() ? Set.of() : Set.copyOf(words(row[3]));
            levels.put(words(row[0]), new LevelWord(words(row[0]), level, action, only));
        }
        int longest = 1;
        for (List<String> key : rewrites.keySet()) {
            longest = Math.max(longest, key.size());
        }
        for (List<String> key : levels.keySet()) {
            longest = Math.max(longest, key.size());
        }
        return new TitleWords(
                Map.copyOf(rewrites), Map.copyOf(dotted), Map.copyOf(capitals), Map.copyOf(levels), longest);
    }

    /** The rank of a level code in the level table, for "the highest level wins". */
    static int rank(String level) {
        return LEVELS.indexOf(level);
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }

    private static List<String[]> read(String file, String header, int columns) {
        InputStream in = TitleWords.class.getResourceAsStream(OnetData.RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException(
                    "the word table " + OnetData.RESOURCES + file + " is missing from the plugin jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            boolean headerSeen = false;
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!text.equals(header)) {
                        throw new IllegalStateException(file + " line " + line + ": expected the header '" + header
                                + "' but found '" + text + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                String[] cells = text.split("\t", -1);
                if (cells.length == columns - 1) {
                    cells = java.util.Arrays.copyOf(cells, columns);
                    cells[columns - 1] = "";
                }
                if (cells.length != columns || cells[0].isBlank() || cells[1].isBlank()) {
                    throw new IllegalStateException(file + " line " + line + ": expected " + columns
                            + " tab-separated cells, found " + cells.length);
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled word table " + file, e);
        }
    }
}
