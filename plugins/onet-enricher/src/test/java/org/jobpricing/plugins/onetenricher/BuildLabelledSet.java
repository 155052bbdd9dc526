package org.jobpricing.plugins.onetenricher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the evaluation set: the hand-written titles, then a seeded sample of O*NET "reported job titles"
 * (titles incumbents gave in O*NET surveys). A reported title counts as right for every occupation it is
 * reported under. Titles equal to an occupation title are not sampled, because the evaluation holds the
 * sampled titles out of the index and occupation titles cannot be held out.
 *
 * <p>Arguments: sample_of_reported_titles.txt, handwritten-titles.csv, output CSV.
 */
public final class BuildLabelledSet {

    static final long SEED = 27;
    static final int SAMPLE = 300;

    private BuildLabelledSet() {}

    public static void main(String[] args) throws IOException {
        List<LabelledTitle> set = new ArrayList<>(LabelledTitle.read(Path.of(args[1])));
        set.addAll(sample(Path.of(args[0]), OnetData.bundled()));
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", LabelledTitle.HEADER));
        set.forEach(t -> lines.add(t.csvLine()));
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
        System.out.printf("wrote %d titles to %s%n", set.size(), args[2]);
    }

    private static List<LabelledTitle> sample(Path reported, OnetData data) throws IOException {
        Set<String> occupationTitles = data.occupations().stream()
                .map(o -> LabelledTitle.key(o.title()))
                .collect(Collectors.toSet());
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(reported, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            String key = LabelledTitle.key(cells[1]);
            shown.putIfAbsent(key, cells[1].trim());
            codes.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(cells[0]);
        }
        List<String> candidates = new ArrayList<>(shown.keySet().stream()
                .filter(k -> !occupationTitles.contains(k))
                .sorted()
                .toList());
        Collections.shuffle(candidates, new Random(SEED));
        return candidates.stream()
                .limit(SAMPLE)
                .map(k -> new LabelledTitle(shown.get(k), codes.get(k), LabelledTitle.REPORTED))
                .toList();
    }
}
