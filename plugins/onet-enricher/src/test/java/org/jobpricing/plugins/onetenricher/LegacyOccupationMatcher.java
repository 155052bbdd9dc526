package org.jobpricing.plugins.onetenricher;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jobpricing.plugin.api.OccupationMatch;

/**
 * A frozen copy of the plugin's title matching as it was before issue 18 ("today's BM25"), kept as the
 * baseline bench/title-eval compares the new matcher with. Not used by the plugin.
 *
 * <p>
 * Maps a job title to O*NET occupations: BM25 finds the 200 indexed titles closest to the normalised
 * title, and each occupation among them is scored from 0 to 1 as
 * {@code 0.75·overlap + 0.25·min(1, breadth / 10)}.
 * <ul>
 *   <li>{@code overlap}: the IDF-weighted Dice overlap of the query's terms with the occupation's best
 *       title, {@code 2·Σ idf(shared) / (Σ idf(query) + Σ idf(title))}: 1 for an exact match after
 *       normalisation and stemming, lower for every missing or extra word, more so for telling words.
 *       It does not depend on the other candidates, so a vague title scores low throughout.</li>
 *   <li>{@code breadth}: the sum of the overlaps of all the occupation's titles among the 200, so that
 *       of two occupations with the same best title the one more of whose titles match ranks first
 *       ("Maintenance Technician" is an alternate title of 13 occupations).</li>
 * </ul>
 * With a description, the score becomes {@code 0.8·score + 0.2·d}, where {@code d} is the BM25 score of
 * the occupation's description against the job description divided by the best such score. The weights
 * were chosen on the title evaluation in bench/title-eval.
 */
final class LegacyOccupationMatcher {

    private static final int CANDIDATES = 200;
    private static final double OVERLAP_WEIGHT = 0.75;
    private static final double FULL_BREADTH = 10;
    private static final double DESCRIPTION_WEIGHT = 0.2;
    private static final int DESCRIPTION_CANDIDATES = 50;

    private final LegacyTitleIndex index;

    LegacyOccupationMatcher(LegacyTitleIndex index) {
        this.index = index;
    }

    /** The evidence for one occupation: its best title and the overlaps of all its matching titles. */
    private record Evidence(LegacyTitleIndex.Hit best, double overlap, double breadth, int titles) {

        Evidence add(Evidence other) {
            boolean keep = overlap > other.overlap || (overlap == other.overlap && best.bm25() >= other.best.bm25());
            return new Evidence(
                    keep ? best : other.best,
                    Math.max(overlap, other.overlap),
                    breadth + other.breadth,
                    titles + other.titles);
        }

        double titleScore() {
            return OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * Math.min(1, breadth / FULL_BREADTH);
        }
    }

    /** An occupation's final score and, when a description was given, its description similarity. */
    private record Scored(Evidence evidence, double score, Double description) {}

    private static final Comparator<Scored> RANKING = Comparator.comparingDouble(Scored::score)
            .thenComparingDouble(s -> s.evidence().overlap())
            .thenComparingDouble(s -> s.evidence().best().bm25())
            .reversed()
            .thenComparing(s -> s.evidence().best().code());

    /** The occupations {@code title} most likely belongs to, best first; {@code description} may be null. */
    List<OccupationMatch> match(String title, String description, int limit) {
        if (limit < 1) {
            return List.of();
        }
        Set<String> query = index.queryTerms(title);
        if (query.isEmpty()) {
            return List.of();
        }
        Map<String, Evidence> evidence = new HashMap<>();
        for (LegacyTitleIndex.Hit hit : index.search(query, CANDIDATES)) {
            double overlap = overlap(query, hit.terms());
            evidence.merge(hit.code(), new Evidence(hit, overlap, overlap, 1), Evidence::add);
        }
        Map<String, Double> described = description == null || description.isBlank()
                ? null
                : index.describe(description, DESCRIPTION_CANDIDATES);
        return evidence.values().stream()
                .map(e -> score(e, described))
                .sorted(RANKING)
                .limit(limit)
                .map(this::toMatch)
                .toList();
    }

    private double overlap(Set<String> query, Set<String> title) {
        double shared = 0;
        double total = 0;
        for (String term : query) {
            double weight = index.idf(term);
            total += weight;
            shared += title.contains(term) ? weight : 0;
        }
        for (String term : title) {
            total += index.idf(term);
        }
        return total == 0 ? 0 : Math.min(1, 2 * shared / total);
    }

    private static Scored score(Evidence evidence, Map<String, Double> described) {
        if (described == null) {
            return new Scored(evidence, evidence.titleScore(), null);
        }
        double similarity = described.getOrDefault(evidence.best().code(), 0.0);
        double score = (1 - DESCRIPTION_WEIGHT) * evidence.titleScore() + DESCRIPTION_WEIGHT * similarity;
        return new Scored(evidence, score, similarity);
    }

    private OccupationMatch toMatch(Scored scored) {
        Evidence e = scored.evidence();
        String reason = String.format(
                Locale.ROOT,
                "%s '%s' (overlap %.2f; %d matching title%s)",
                e.best().kind(),
                e.best().title(),
                e.overlap(),
                e.titles(),
                e.titles() == 1 ? "" : "s");
        if (scored.description() != null) {
            reason += String.format(Locale.ROOT, "; description similarity %.2f", scored.description());
        }
        String code = e.best().code();
        return new OccupationMatch(code, index.occupationTitle(code), Math.max(0, Math.min(1, scored.score())), reason);
    }
}
