package org.jobpricing.plugins.onetenricher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.CsvRows;

/**
 * A job title of an evaluation set, the SOC 2018 detailed codes that count as right for it (several when
 * the title is ambiguous or O*NET reports it under several occupations), and the level it implies (null
 * when it names none, or unknown for sets without levels).
 */
record EvalTitle(String title, Set<String> socs, String level, double weight) {

    /** The bench/title-eval directory, from the plugin module's directory (where Maven runs tests). */
    static final Path BENCH = Path.of("../../bench/title-eval");

    EvalTitle {
        socs = Set.copyOf(socs);
    }

    EvalTitle(String title, Set<String> socs, String level) {
        this(title, socs, level, 1);
    }

    /**
     * The set with each title weighted so that the set is distributed like U.S. jobs rather than like
     * O*NET's list: a title's weight is the mean, over its codes, of the code's employment divided by the
     * number of titles of the set with that code; weights are scaled to a mean of 1.
     */
    static List<EvalTitle> jobWeighted(List<EvalTitle> set, EmploymentPrior prior) {
        Map<String, Integer> perSoc = new java.util.HashMap<>();
        set.forEach(t -> t.socs().forEach(s -> perSoc.merge(s, 1, Integer::sum)));
        double[] w = set.stream()
                .mapToDouble(t -> t.socs().stream()
                        .mapToDouble(s -> prior.employment(s) / perSoc.get(s))
                        .average()
                        .orElse(0))
                .toArray();
        double mean = java.util.Arrays.stream(w).average().orElse(1);
        List<EvalTitle> weighted = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            EvalTitle t = set.get(i);
            weighted.add(new EvalTitle(t.title(), t.socs(), t.level(), w[i] / mean));
        }
        return weighted;
    }

    /** real-style-titles.csv: {@code title,soc,level}, codes separated by {@code |}. */
    static List<EvalTitle> realStyle(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRows.Result csv = CsvRows.read(reader, List.of("title", "soc", "level"));
            if (!csv.ok()) {
                throw new IOException(file + ": " + csv.problems());
            }
            return csv.rows().stream()
                    .map(r -> new EvalTitle(
                            r.get(0),
                            Set.of(r.get(1).split("\\|")),
                            r.get(2) == null || r.get(2).isBlank() ? null : r.get(2)))
                    .toList();
        }
    }

    /** The hand-written titles of labelled-titles.csv (O*NET codes, no levels). */
    static List<EvalTitle> handwritten(Path file) throws IOException {
        return LabelledTitle.from(LabelledTitle.read(file), LabelledTitle.HANDWRITTEN).stream()
                .map(t -> new EvalTitle(t.title(), socs(t.expected()), null))
                .toList();
    }

    /**
     * O*NET's reported titles (onet-reported-titles.tsv: code, title), one per distinct title with every
     * occupation it is reported under, without titles equal to an occupation title (those cannot be held
     * out of the index), in file order, split in two folds by the title's hash: fold 0 fits (weights,
     * calibration), fold 1 tests.
     */
    static List<EvalTitle> reported(Path file, OnetData data, int fold) throws IOException {
        Set<String> occupationTitles = data.occupations().stream()
                .map(o -> LabelledTitle.key(o.title()))
                .collect(Collectors.toSet());
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.get(0).equals("O*NET-SOC Code\tReported Job Title")) {
            throw new IOException(file + ": unexpected header " + lines.get(0));
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            String key = LabelledTitle.key(cells[1]);
            shown.putIfAbsent(key, cells[1].trim());
            codes.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(EmploymentPrior.soc(cells[0]));
        }
        List<EvalTitle> titles = new ArrayList<>();
        for (String key : shown.keySet()) {
            if (!occupationTitles.contains(key) && fold(key) == fold) {
                titles.add(new EvalTitle(shown.get(key), codes.get(key), null));
            }
        }
        return titles;
    }

    /** Every distinct reported title, both folds. */
    static List<String> allReported(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.split("\t", -1)[1])
                .distinct()
                .toList();
    }

    /** The deterministic split: String.hashCode is fixed by the Java language specification. */
    static int fold(String key) {
        return Math.floorMod(key.hashCode() * 31 + 17, 2);
    }

    static Set<String> socs(Set<String> onetCodes) {
        return onetCodes.stream().map(EmploymentPrior::soc).collect(Collectors.toSet());
    }
}
