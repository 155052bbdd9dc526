package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The token-IDF baseline: the title's lower-case words (no stemming, no abbreviations, nothing dropped)
 * against the same O*NET titles the plugin indexes, scored by the cosine of IDF-weighted word sets; an
 * occupation scores as its best title.
 */
final class TokenBaseline {

    private final List<String> codes = new ArrayList<>();
    private final List<Set<String>> titles = new ArrayList<>();
    private final Map<String, List<Integer>> postings = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();

    TokenBaseline(OnetData data) {
        data.occupations().forEach(o -> add(o.code(), o.title()));
        for (OnetData.AlternateTitle a : data.alternateTitles()) {
            add(a.code(), a.title());
            if (a.shortTitle() != null) {
                add(a.code(), a.shortTitle());
            }
        }
        postings.forEach((t, docs) -> idf.put(t, Math.log((double) titles.size() / docs.size())));
    }

    private void add(String code, String title) {
        Set<String> words = words(title);
        if (words.isEmpty()) {
            return;
        }
        int doc = titles.size();
        codes.add(code);
        titles.add(words);
        words.forEach(w -> postings.computeIfAbsent(w, k -> new ArrayList<>()).add(doc));
    }

    static Set<String> words(String title) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Occupation codes, best first. */
    List<String> match(String title, int limit) {
        Set<String> query = words(title);
        double queryNorm = Math.sqrt(
                query.stream().mapToDouble(w -> sq(idf.getOrDefault(w, 0.0))).sum());
        Map<Integer, Double> dot = new HashMap<>();
        for (String w : query) {
            double weight = idf.getOrDefault(w, 0.0);
            for (int doc : postings.getOrDefault(w, List.of())) {
                dot.merge(doc, weight * weight, Double::sum);
            }
        }
        Map<String, Double> best = new HashMap<>();
        dot.forEach((doc, d) -> {
            double norm = Math.sqrt(
                    titles.get(doc).stream().mapToDouble(w -> sq(idf.get(w))).sum());
            double cosine = queryNorm == 0 || norm == 0 ? 0 : d / (queryNorm * norm);
            best.merge(codes.get(doc), cosine, Math::max);
        });
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static double sq(double x) {
        return x * x;
    }
}
