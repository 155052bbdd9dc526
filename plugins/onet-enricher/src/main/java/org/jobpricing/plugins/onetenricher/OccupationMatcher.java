package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.OccupationMatch;

/**
 * Maps a job title to occupations, one per SOC 2018 detailed occupation (the code market data is filed
 * under), best first, each with a calibrated confidence and the level its seniority words suggest.
 *
 * <ol>
 *   <li>The title is normalised ({@link TitleNormaliser}: abbreviations, spelling variants, level words
 *       out), misspelt words are corrected ({@link SpellingCorrector}) and stemmed.</li>
 *   <li>BM25 over the O*NET titles gives the 300 closest titles; BM25 of the occupation descriptions
 *       against the same words adds the 30 occupations whose description fits best.</li>
 *   <li>Each occupation is scored as {@code overlap + wB·min(1, breadth/10) + wH·head + wD·description +
 *       wP·prior + wG·bag}: {@code overlap}, the IDF-weighted Dice overlap of the query with the occupation's best
 *       title; {@code breadth}, the summed overlaps of all its matching titles; {@code head}, the best
 *       overlap among its titles that end on the same head word as the query ("engineer" in "Software
 *       Engineer - Payments"); {@code description}, its description's BM25 score over the best one; {@code
 *       prior}, {@code log10} of its U.S. employment over 20,000 ({@link EmploymentPrior}); and {@code wG·bag},
 *       the BM25 score of all its titles taken as one document, over the best one. With a job
 *       description, {@code wU} times its similarity to the occupation's description is added.</li>
 *   <li>The O*NET occupations of one SOC code count as one, by their best score. The raw confidence of a
 *       candidate is its softmax share {@code exp(s/T) / Σ exp(s'/T)}; the fitted {@link Calibration}
 *       maps it, with the candidate's evidence, to the probability that the candidate is right.</li>
 * </ol>
 * The weights and {@code T} were chosen on one half of O*NET's reported titles (held out of the index) by
 * bench/title-eval, which reports every figure on the other half and on hand-written titles.
 */
final class OccupationMatcher {

    /** The score's weights and the softmax temperature. */
    record Weights(
            double breadth,
            double head,
            double description,
            double prior,
            double bag,
            double userDescription,
            double temperature) {}

    static final Weights DEFAULT = new Weights(0.0, 0.1, 0.0, 0.25, 1.2, 0.3, 0.05);

    private static final int CANDIDATES = 300;
    private static final int DESCRIPTION_CANDIDATES = 30;
    private static final int USER_DESCRIPTION_CANDIDATES = 50;
    private static final double FULL_BREADTH = 10;

    private final TitleIndex index;
    private final EmploymentPrior prior;
    private final Calibration calibration;
    private final Weights weights;
    private final double[] logPrior;

    OccupationMatcher(TitleIndex index, EmploymentPrior prior, Calibration calibration, Weights weights) {
        this.index = index;
        this.prior = prior;
        this.calibration = calibration;
        this.weights = weights;
        this.logPrior = new double[index.occupations()];
        for (int o = 0; o < logPrior.length; o++) {
            logPrior[o] = prior.logPrior(index.code(o));
        }
    }

    /** The indexes of the {@code n} highest positive values, highest first (ties: lower index first). */
    private static int[] topIndexes(double[] values, int n) {
        int[] top = new int[n];
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0 || (size == n && values[i] <= values[top[n - 1]])) {
                continue;
            }
            int at = size < n ? size++ : n - 1;
            while (at > 0 && values[top[at - 1]] < values[i]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return java.util.Arrays.copyOf(top, size);
    }

    /** The bundled prior and calibration with the default weights. */
    static OccupationMatcher of(OnetData data) {
        TitleIndex index = TitleIndex.build(data);
        return new OccupationMatcher(
                index,
                EmploymentPrior.bundled(data.occupations().stream()
                        .map(OnetData.Occupation::code)
                        .toList()),
                Calibration.bundled(),
                DEFAULT);
    }

    OccupationMatcher with(Calibration calibration, Weights weights) {
        return new OccupationMatcher(index, prior, calibration, weights);
    }

    TitleIndex index() {
        return index;
    }

    /** The evidence for one occupation. */
    record Candidate(
            int occupation,
            String code,
            TitleIndex.Hit best,
            double overlap,
            double breadth,
            int titles,
            double head,
            double description,
            double prior,
            double bag,
            Double userDescription) {

        double score(Weights w) {
            return overlap
                    + w.breadth() * Math.min(1, breadth / FULL_BREADTH)
                    + w.head() * head
                    + w.description() * description
                    + w.prior() * prior
                    + w.bag() * bag
                    + (userDescription == null ? 0 : w.userDescription() * userDescription);
        }

        String soc() {
            return EmploymentPrior.soc(code);
        }
    }

    /** The parsed title and every candidate occupation's evidence. */
    record Analysis(TitleIndex.Query query, List<Candidate> candidates) {}

    /** A candidate with its score and raw confidence, one per SOC code. */
    record Ranked(Candidate candidate, double score, double raw) {}

    /** The occupations {@code title} most likely belongs to, best first; {@code description} may be null. */
    List<OccupationMatch> match(String title, String description, int limit) {
        if (limit < 1) {
            return List.of();
        }
        Analysis analysis = analyse(title, description);
        List<OccupationMatch> matches = new ArrayList<>();
        double cap = 1;
        for (Ranked r : rank(analysis, weights)) {
            if (matches.size() == limit) {
                break;
            }
            // a runner-up is never reported as more likely than the match ranked above it
            cap = Math.min(cap, probability(r));
            matches.add(toMatch(analysis.query(), r, cap));
        }
        return matches;
    }

    Analysis analyse(String title, String description) {
        TitleIndex.Query query = index.query(title);
        if (query.isEmpty() || java.util.Arrays.stream(query.terms()).allMatch(t -> t < 0)) {
            return new Analysis(query, List.of());
        }
        Map<Integer, Evidence> evidence = new HashMap<>();
        for (TitleIndex.Hit hit : index.search(query, CANDIDATES)) {
            double overlap = overlap(query, hit.doc().terms());
            double head = query.head() >= 0 && hit.doc().head() == query.head() ? overlap : 0;
            evidence.computeIfAbsent(hit.doc().occupation(), o -> new Evidence())
                    .add(hit, overlap, head);
        }
        double[] described = index.describeTitle(query);
        double best = 0;
        for (double d : described) {
            best = Math.max(best, d);
        }
        for (int o : topIndexes(described, DESCRIPTION_CANDIDATES)) {
            evidence.computeIfAbsent(o, k -> new Evidence());
        }
        double[] bags = index.bagOfTitles(query);
        double bestBag = 0;
        for (double g : bags) {
            bestBag = Math.max(bestBag, g);
        }
        Map<Integer, Double> user = description == null || description.isBlank()
                ? null
                : index.describeText(description, USER_DESCRIPTION_CANDIDATES);
        List<Candidate> candidates = new ArrayList<>(evidence.size());
        for (Map.Entry<Integer, Evidence> e : evidence.entrySet()) {
            int o = e.getKey();
            Evidence ev = e.getValue();
            String code = index.code(o);
            candidates.add(new Candidate(
                    o,
                    code,
                    ev.best,
                    ev.overlap,
                    ev.breadth,
                    ev.titles,
                    ev.head,
                    best == 0 ? 0 : described[o] / best,
                    logPrior[o],
                    bestBag == 0 ? 0 : bags[o] / bestBag,
                    user == null ? null : user.getOrDefault(o, 0.0)));
        }
        return new Analysis(query, candidates);
    }

    /** One candidate per SOC code, best first, with raw confidences (softmax shares). */
    static List<Ranked> rank(Analysis analysis, Weights w) {
        List<Candidate> candidates = analysis.candidates();
        double[] scores = new double[candidates.size()];
        Map<String, Integer> bySoc = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            Candidate c = candidates.get(i);
            scores[i] = c.score(w);
            Integer before = bySoc.get(c.soc());
            if (before == null
                    || scores[i] > scores[before]
                    || (scores[i] == scores[before]
                            && c.code().compareTo(candidates.get(before).code()) < 0)) {
                bySoc.put(c.soc(), i);
            }
        }
        if (bySoc.isEmpty()) {
            return List.of();
        }
        List<Integer> order = new ArrayList<>(bySoc.values());
        order.sort((x, y) -> scores[x] != scores[y]
                ? Double.compare(scores[y], scores[x])
                : candidates.get(x).code().compareTo(candidates.get(y).code()));
        double top = scores[order.get(0)];
        double sum = 0;
        for (int i : order) {
            sum += Math.exp((scores[i] - top) / w.temperature());
        }
        List<Ranked> ranked = new ArrayList<>(order.size());
        for (int i : order) {
            ranked.add(new Ranked(candidates.get(i), scores[i], Math.exp((scores[i] - top) / w.temperature()) / sum));
        }
        return ranked;
    }

    /** The calibrated probability that a ranked candidate is right. */
    double probability(Ranked ranked) {
        return Math.max(0, Math.min(1, calibration.probability(Calibration.inputs(ranked.candidate(), ranked.raw()))));
    }

    /** Evidence gathered from the matching titles of one occupation. */
    private static final class Evidence {
        TitleIndex.Hit best;
        double overlap;
        double breadth;
        int titles;
        double head;

        void add(TitleIndex.Hit hit, double o, double h) {
            if (best == null || o > overlap || (o == overlap && hit.bm25() > best.bm25())) {
                best = hit;
                overlap = o;
            }
            breadth += o;
            titles++;
            head = Math.max(head, h);
        }
    }

    private double overlap(TitleIndex.Query query, int[] title) {
        double shared = 0;
        double total = 0;
        for (int q = 0; q < query.terms().length; q++) {
            int term = query.terms()[q];
            double weight = query.idf()[q];
            total += weight;
            if (term >= 0 && contains(title, term)) {
                shared += weight;
            }
        }
        for (int term : title) {
            total += index.idf(term);
        }
        return total == 0 ? 0 : Math.min(1, 2 * shared / total);
    }

    private static boolean contains(int[] terms, int term) {
        for (int t : terms) {
            if (t == term) {
                return true;
            }
        }
        return false;
    }

    private OccupationMatch toMatch(TitleIndex.Query query, Ranked ranked, double probability) {
        // plain appends rather than String.format: this runs for every answer and format was a fifth of the time
        Candidate c = ranked.candidate();
        StringBuilder reason = new StringBuilder(200);
        if (c.best() != null) {
            reason.append(c.best().doc().kind())
                    .append(" '")
                    .append(c.best().doc().shown())
                    .append("' (overlap ")
                    .append(fixed(c.overlap(), 2))
                    .append("; ")
                    .append(c.titles())
                    .append(c.titles() == 1 ? " matching title)" : " matching titles)");
        } else {
            reason.append("no title in common; found by its description");
        }
        reason.append("; titles together ").append(fixed(c.bag(), 2));
        reason.append("; description fit ").append(fixed(c.description(), 2));
        reason.append("; ")
                .append(grouped(Math.round(prior.employment(c.code()))))
                .append(" U.S. jobs (OEWS 2024)");
        if (c.userDescription() != null) {
            reason.append("; description similarity ").append(fixed(c.userDescription(), 2));
        }
        if (!query.corrections().isEmpty()) {
            reason.append("; read ")
                    .append(query.corrections().entrySet().stream()
                            .map(e -> "'" + e.getKey() + "' as '" + e.getValue() + "'")
                            .collect(Collectors.joining(", ")));
        }
        String level = query.title().level();
        if (level != null) {
            reason.append("; level ")
                    .append(level)
                    .append(" suggested by '")
                    .append(String.join("', '", query.title().levelWords()))
                    .append("'");
        }
        reason.append("; score ")
                .append(fixed(ranked.score(), 3))
                .append(", share ")
                .append(fixed(ranked.raw(), 3))
                .append(", calibrated confidence ")
                .append(fixed(probability, 2));
        return new OccupationMatch(
                c.code(), index.occupationTitle(c.occupation()), probability, reason.toString(), level);
    }

    /** {@code value} with {@code digits} decimals, as {@code %.Nf} in the root locale writes it. */
    static String fixed(double value, int digits) {
        long scale = digits == 2 ? 100 : digits == 3 ? 1000 : (long) Math.pow(10, digits);
        long units = Math.round(Math.abs(value) * scale);
        String whole = Long.toString(units / scale);
        String part = Long.toString(units % scale);
        StringBuilder out = new StringBuilder(value < 0 && units != 0 ? "-" : "")
                .append(whole)
                .append('.');
        for (int i = part.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(part).toString();
    }

    /** A count with thousands separators: 1,654,440. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
