package org.jobpricing.plugins.jobpostings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jobpricing.plugin.api.CsvRows;
import org.jobpricing.plugin.api.Problem;

/**
 * Maps a posting title to an occupation code and a level.
 *
 * <p>Occupation: the title rules ({@code pattern,occupation_code,level}) are the bundled
 * {@value #BUNDLED_TITLES} plus the rows of the configured {@code titleMap} file, whose rows replace
 * bundled rows of the same pattern. A pattern matches when its words appear consecutively in the title
 * (case-insensitive; words are runs of letters and digits, so "Sr." is "sr" and "Front-End" is "front
 * end"); the longest matching pattern wins, a titleMap row before a bundled one of the same length.
 *
 * <p>Level: the rule's level when it has one; otherwise the seniority table
 * {@value #BUNDLED_SENIORITY} ({@code phrase,level}, rows ordered from the lowest level to the highest):
 * a phrase matches when all its words are in the title, and the last matching row wins, so "Senior
 * Engineering Manager" is M2 (senior manager) rather than IC4 (senior) or M1 (manager). A title with
 * no seniority word is {@value #DEFAULT_LEVEL}.
 */
final class TitleMapper {

    static final String BUNDLED_TITLES = "titles.csv";
    static final String BUNDLED_SENIORITY = "seniority.csv";
    static final List<String> TITLE_HEADER = List.of("pattern", "occupation_code", "level");
    static final List<String> SENIORITY_HEADER = List.of("phrase", "level");
    static final String DEFAULT_LEVEL = "IC3";
    private static final Pattern OCCUPATION = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    private static final Pattern LEVEL = Pattern.compile("[A-Z0-9_-]{1,20}");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

    /** What a title maps to. */
    record Match(String occupationCode, String level) {}

    private record Rule(List<String> words, String occupationCode, String level) {}

    private record Seniority(Set<String> words, String level) {}

    private final List<Rule> rules;
    private final List<Seniority> seniority;

    private TitleMapper(List<Rule> rules, List<Seniority> seniority) {
        this.rules = rules;
        this.seniority = seniority;
    }

    /** The bundled tables only. */
    static TitleMapper bundled() {
        try {
            return new TitleMapper(bundledRules(), bundledSeniority());
        } catch (IOException e) {
            throw new IllegalStateException("the bundled title tables cannot be read", e);
        }
    }

    /**
     * The bundled tables with the rows of a {@code titleMap} file; throws {@link TitleMapException}
     * listing the file's problems when any row is bad.
     */
    static TitleMapper withFile(Path file) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Rule> custom;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            custom = rules(reader, problems);
        }
        if (!problems.isEmpty()) {
            throw new TitleMapException(problems);
        }
        Set<List<String>> overridden = new HashSet<>();
        custom.forEach(r -> overridden.add(r.words()));
        List<Rule> merged = new ArrayList<>(custom);
        bundledRules().stream().filter(r -> !overridden.contains(r.words())).forEach(merged::add);
        return new TitleMapper(merged, bundledSeniority());
    }

    /** The occupation and level of a title, or empty when no rule matches. */
    Optional<Match> map(String title) {
        if (title == null) {
            return Optional.empty();
        }
        List<String> words = words(title);
        Rule best = null;
        for (Rule rule : rules) {
            boolean longer = best == null || rule.words().size() > best.words().size();
            if (longer && Collections.indexOfSubList(words, rule.words()) >= 0) {
                best = rule;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Match(best.occupationCode(), best.level() != null ? best.level() : level(words)));
    }

    private String level(List<String> words) {
        String level = DEFAULT_LEVEL;
        for (Seniority s : seniority) {
            if (words.containsAll(s.words())) {
                level = s.level();
            }
        }
        return level;
    }

    static List<String> words(String text) {
        return Arrays.stream(NOT_A_WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static List<Rule> bundledRules() throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Rule> rules;
        try (Reader reader = resource(BUNDLED_TITLES)) {
            rules = rules(reader, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(BUNDLED_TITLES + ": " + problems);
        }
        return rules;
    }

    private static List<Seniority> bundledSeniority() throws IOException {
        try (Reader reader = resource(BUNDLED_SENIORITY)) {
            CsvRows.Result csv = CsvRows.read(reader, SENIORITY_HEADER);
            if (!csv.ok()) {
                throw new IllegalStateException(BUNDLED_SENIORITY + ": " + csv.problems());
            }
            return csv.rows().stream()
                    .map(r -> new Seniority(Set.copyOf(words(r.get(0))), r.get(1)))
                    .toList();
        }
    }

    /** The rules of a title table, in file order, one per pattern (the first row of a pattern wins). */
    private static List<Rule> rules(Reader reader, List<Problem> problems) {
        CsvRows.Result csv = CsvRows.read(reader, TITLE_HEADER);
        problems.addAll(csv.problems());
        Map<List<String>, Rule> rules = new LinkedHashMap<>();
        for (CsvRows.Row row : csv.rows()) {
            List<String> words = row.get(0) == null ? List.of() : words(row.get(0));
            String occupation = row.get(1);
            String level = row.get(2) == null ? null : row.get(2).toUpperCase(Locale.ROOT);
            if (words.isEmpty()) {
                problems.add(new Problem(row.line(), "pattern", "must contain a word"));
            } else if (occupation == null || !OCCUPATION.matcher(occupation).matches()) {
                problems.add(new Problem(
                        row.line(), "occupation_code", "must be 1-20 characters of letters, digits and . _ -"));
            } else if (level != null && !LEVEL.matcher(level).matches()) {
                problems.add(new Problem(row.line(), "level", "must be empty or a level code such as IC3 or M1"));
            } else {
                rules.putIfAbsent(words, new Rule(words, occupation, level));
            }
        }
        return List.copyOf(rules.values());
    }

    private static Reader resource(String name) throws IOException {
        InputStream in = TitleMapper.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the bundled table " + name + " is missing from the plugin jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** A {@code titleMap} file with bad rows; the problems name line and column. */
    static final class TitleMapException extends IOException {
        private final List<Problem> problems;

        TitleMapException(List<Problem> problems) {
            super("titleMap has " + problems.size() + " problem(s): " + problems);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }
}
