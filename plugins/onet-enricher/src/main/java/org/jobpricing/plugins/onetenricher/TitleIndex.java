package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * An in-memory BM25 index of the O*NET titles (occupation, alternate and short titles: one document per
 * occupation and distinct normalised title) and, as a second field, of the occupation descriptions. Terms
 * are Porter stems of normalised words. Plain arrays rather than a search library: the documents are a few
 * words long, and a query touches a few thousand of them, which takes microseconds.
 */
final class TitleIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int MAX_DESCRIPTION_TERMS = 300;
    private static final Pattern DESCRIPTION_SPLIT = Pattern.compile("[^a-z0-9]+");

    /** An indexed title: its occupation (index into {@link #code}), distinct stemmed terms, head term, text and kind. */
    record Doc(int occupation, int[] terms, int head, String shown, String kind) {}

    /** A title that matched a query, with its BM25 score. */
    record Hit(Doc doc, double bm25) {}

    private final String[] codes;
    private final String[] titles;
    private final Map<String, Integer> occupationIndex;
    private final Map<String, Integer> termIds;
    private final TitleAnalyzer stemmer;
    private final Doc[] docs;
    private final int[][] titlePostings;
    private final double[] titleIdf;
    private final double unseenTitleIdf;
    private final float[] titleNorm;
    private final Field descriptions;
    private final Field bags;
    private final SpellingCorrector speller;
    private final Map<String, Integer> surfaceTerms;
    private final ThreadLocal<double[]> titleScores;
    private final ThreadLocal<double[]> descriptionScores;

    private TitleIndex(Builder b) {
        this.codes = b.codes.toArray(String[]::new);
        this.titles = b.titles.toArray(String[]::new);
        this.occupationIndex = Map.copyOf(b.occupationIndex);
        this.termIds = Map.copyOf(b.termIds);
        this.stemmer = b.stemmer;
        this.docs = b.docs.toArray(Doc[]::new);
        int terms = b.termIds.size();
        // titles: postings and idf
        int[] df = new int[terms];
        double totalLength = 0;
        for (Doc doc : docs) {
            for (int t : doc.terms()) {
                df[t]++;
            }
            totalLength += doc.terms().length;
        }
        this.titlePostings = postings(df, docs.length, i -> docs[i].terms());
        this.titleIdf = new double[terms];
        for (int t = 0; t < terms; t++) {
            titleIdf[t] = idf(df[t], docs.length);
        }
        this.unseenTitleIdf = idf(0, docs.length);
        double average = totalLength / Math.max(1, docs.length);
        this.titleNorm = new float[docs.length];
        for (int d = 0; d < docs.length; d++) {
            titleNorm[d] = (float) (K1 * (1 - B + B * docs[d].terms().length / average));
        }
        this.descriptions = new Field(b.descriptionTf, terms);
        this.bags = new Field(b.bagTf, terms);
        this.speller = new SpellingCorrector(b.surface);
        Map<String, Integer> surfaceTerms = new HashMap<>();
        b.stems.forEach((word, stem) -> surfaceTerms.put(word, b.termIds.get(stem)));
        this.surfaceTerms = Map.copyOf(surfaceTerms);
        this.titleScores = ThreadLocal.withInitial(() -> new double[docs.length]);
        this.descriptionScores = ThreadLocal.withInitial(() -> new double[codes.length]);
    }

    /** Indexes the occupations, their alternate and short titles, and their descriptions. */
    static TitleIndex build(OnetData data) {
        Builder b = new Builder();
        for (OnetData.Occupation occupation : data.occupations()) {
            b.occupation(occupation.code(), occupation.title(), occupation.description());
        }
        for (OnetData.Occupation occupation : data.occupations()) {
            b.title(occupation.code(), occupation.title(), "occupation title");
        }
        for (OnetData.AlternateTitle alternate : data.alternateTitles()) {
            b.title(alternate.code(), withoutParentheses(alternate.title()), "alternate title");
            if (alternate.shortTitle() != null) {
                b.title(alternate.code(), alternate.shortTitle(), "short title");
            } else if (alternate.title().contains("(")) {
                b.title(alternate.code(), alternate.title(), "alternate title");
            }
        }
        return new TitleIndex(b);
    }

    /** A parsed query: its distinct term ids (-1 for a word no title or description has), head term and spelling fixes. */
    record Query(
            TitleNormaliser.Normalised title, int[] terms, double[] idf, int head, Map<String, String> corrections) {

        boolean isEmpty() {
            return terms.length == 0;
        }
    }

    /** The query for a raw job title: normalised, misspelt words corrected, stemmed. */
    Query query(String rawTitle) {
        TitleNormaliser.Normalised title = TitleNormaliser.analyse(rawTitle);
        Map<String, String> corrections = new LinkedHashMap<>();
        List<Integer> ids = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int head = -1;
        for (String word : title.words()) {
            String known = speller.correct(word);
            if (!known.equals(word)) {
                corrections.put(word, known);
            }
            Integer surface = surfaceTerms.get(known);
            int id = surface != null ? surface : termIds.getOrDefault(stem(known), -1);
            if (id < 0 || seen.add(id)) {
                ids.add(id);
                weights.add(id < 0 ? unseenTitleIdf : titleIdf[id]);
            }
            if (word.equals(title.head())) {
                head = id;
            }
        }
        return new Query(
                title,
                ids.stream().mapToInt(Integer::intValue).toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray(),
                head,
                corrections);
    }

    /** The {@code n} titles with the highest BM25 score for the query's terms, best first. */
    List<Hit> search(Query query, int n) {
        double[] scores = titleScores.get();
        int[] touched = new int[64];
        int count = 0;
        for (int q = 0; q < query.terms().length; q++) {
            int t = query.terms()[q];
            if (t < 0) {
                continue;
            }
            double idf = titleIdf[t];
            for (int d : titlePostings[t]) {
                if (scores[d] == 0) {
                    if (count == touched.length) {
                        touched = Arrays.copyOf(touched, count * 2);
                    }
                    touched[count++] = d;
                }
                scores[d] += idf * (K1 + 1) / (1 + titleNorm[d]);
            }
        }
        List<Hit> hits = top(scores, touched, count, n);
        for (int i = 0; i < count; i++) {
            scores[touched[i]] = 0;
        }
        return hits;
    }

    /**
     * The {@code n} best of the touched documents, by score and then document order: a bounded min-heap of
     * primitive keys (score bits high, inverted document number low), no boxing and no full sort.
     */
    private List<Hit> top(double[] scores, int[] touched, int count, int n) {
        long[] heap = new long[Math.min(n, count)];
        int size = 0;
        for (int i = 0; i < count; i++) {
            // positive floats order like their bits; the low half puts earlier documents first on a tie
            long key = ((long) Float.floatToIntBits((float) scores[touched[i]]) << 32) | (0xFFFFFFFFL - touched[i]);
            if (size < heap.length) {
                heap[size] = key;
                siftUp(heap, size++);
            } else if (key > heap[0]) {
                heap[0] = key;
                siftDown(heap, size);
            }
        }
        long[] sorted = Arrays.copyOf(heap, size);
        Arrays.sort(sorted);
        List<Hit> hits = new ArrayList<>(size);
        for (int i = size - 1; i >= 0; i--) {
            int doc = (int) (0xFFFFFFFFL - (sorted[i] & 0xFFFFFFFFL));
            hits.add(new Hit(docs[doc], scores[doc]));
        }
        return hits;
    }

    private static void siftUp(long[] heap, int i) {
        while (i > 0 && heap[(i - 1) / 2] > heap[i]) {
            long t = heap[i];
            heap[i] = heap[(i - 1) / 2];
            heap[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int smallest = i;
            int l = 2 * i + 1;
            int r = l + 1;
            if (l < size && heap[l] < heap[smallest]) {
                smallest = l;
            }
            if (r < size && heap[r] < heap[smallest]) {
                smallest = r;
            }
            if (smallest == i) {
                return;
            }
            long t = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = t;
            i = smallest;
        }
    }

    /** BM25 of the occupation descriptions against the query's title terms, per occupation index (0: no word in common). */
    double[] describeTitle(Query query) {
        double[] scores = new double[codes.length];
        descriptions.add(query.terms(), scores);
        return scores;
    }

    /**
     * The occupations whose description is closest to {@code text} by BM25, each with its score divided
     * by the best score (so the best is 1); at most {@code n}.
     */
    Map<Integer, Double> describeText(String text, int n) {
        int[] terms = descriptionTerms(text).stream()
                .distinct()
                .limit(MAX_DESCRIPTION_TERMS)
                .mapToInt(Integer::intValue)
                .toArray();
        Map<Integer, Double> scores = describe(terms);
        double best =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<Integer, Double> top = new HashMap<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue() / best));
        return top;
    }

    private Map<Integer, Double> describe(int[] terms) {
        return descriptions.score(terms, descriptionScores.get());
    }

    /**
     * BM25 of each occupation's titles taken together as one document (its "bag" of title words) against the
     * query, per occupation index. An occupation many of whose titles share the query's
     * words scores high even when no single title has them all.
     */
    double[] bagOfTitles(Query query) {
        double[] scores = new double[codes.length];
        bags.add(query.terms(), scores);
        return scores;
    }

    /** A field with one BM25 document per occupation (term frequencies). */
    private static final class Field {
        final int[][] postings;
        final float[][] weights;
        final double[] idf;

        Field(List<Map<Integer, Integer>> tfs, int terms) {
            int occupations = tfs.size();
            int[] df = new int[terms];
            double length = 0;
            for (Map<Integer, Integer> tf : tfs) {
                tf.keySet().forEach(t -> df[t]++);
                length += tf.values().stream().mapToInt(Integer::intValue).sum();
            }
            double average = length / Math.max(1, occupations);
            postings = new int[terms][];
            weights = new float[terms][];
            idf = new double[terms];
            for (int t = 0; t < terms; t++) {
                postings[t] = new int[df[t]];
                weights[t] = new float[df[t]];
                idf[t] = TitleIndex.idf(df[t], occupations);
            }
            int[] fill = new int[terms];
            for (int o = 0; o < occupations; o++) {
                Map<Integer, Integer> tf = tfs.get(o);
                int docLength = tf.values().stream().mapToInt(Integer::intValue).sum();
                double norm = K1 * (1 - B + B * docLength / average);
                for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
                    int t = e.getKey();
                    double f = e.getValue();
                    postings[t][fill[t]] = o;
                    weights[t][fill[t]] = (float) (f * (K1 + 1) / (f + norm));
                    fill[t]++;
                }
            }
        }

        void add(int[] terms, double[] scores) {
            for (int t : terms) {
                if (t < 0 || t >= postings.length) {
                    continue;
                }
                for (int i = 0; i < postings[t].length; i++) {
                    scores[postings[t][i]] += idf[t] * weights[t][i];
                }
            }
        }

        Map<Integer, Double> score(int[] terms, double[] scores) {
            Map<Integer, Double> result = new HashMap<>();
            for (int t : terms) {
                if (t >= postings.length) {
                    continue;
                }
                for (int i = 0; i < postings[t].length; i++) {
                    scores[postings[t][i]] += idf[t] * weights[t][i];
                }
            }
            for (int o = 0; o < scores.length; o++) {
                if (scores[o] > 0) {
                    result.put(o, scores[o]);
                    scores[o] = 0;
                }
            }
            return result;
        }
    }

    /** BM25's inverse document frequency of a title term; -1 (a term no title has) counts as the rarest. */
    double idf(int term) {
        return term < 0 ? unseenTitleIdf : titleIdf[term];
    }

    int occupations() {
        return codes.length;
    }

    String code(int occupation) {
        return codes[occupation];
    }

    /** The O*NET title of an occupation. */
    String occupationTitle(int occupation) {
        return titles[occupation];
    }

    /** The O*NET title of an occupation by code, or null. */
    String occupationTitle(String code) {
        Integer o = occupationIndex.get(code);
        return o == null ? null : titles[o];
    }

    private String stem(String word) {
        List<String> terms = stemmer.terms(word);
        return terms.isEmpty() ? word : terms.get(0);
    }

    private List<Integer> descriptionTerms(String text) {
        List<Integer> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String word : DESCRIPTION_SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty() || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
                continue;
            }
            Integer id = termIds.get(stem(word));
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static int[][] postings(int[] df, int docCount, java.util.function.IntFunction<int[]> termsOf) {
        int[][] postings = new int[df.length][];
        for (int t = 0; t < df.length; t++) {
            postings[t] = new int[df[t]];
        }
        int[] fill = new int[df.length];
        for (int d = 0; d < docCount; d++) {
            for (int t : termsOf.apply(d)) {
                postings[t][fill[t]++] = d;
            }
        }
        return postings;
    }

    private static double idf(int docFreq, int docs) {
        return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
    }

    /** "Nurse Anesthetist (CRNA)" without the part in parentheses; O*NET gives that part as the short title. */
    private static String withoutParentheses(String title) {
        return title.replaceAll("\\([^)]*\\)", " ").trim();
    }

    private static final class Builder {
        final List<String> codes = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        final Map<String, Integer> occupationIndex = new HashMap<>();
        final Map<String, Integer> termIds = new HashMap<>();
        final List<Map<Integer, Integer>> descriptionTf = new ArrayList<>();
        final List<Map<Integer, Integer>> bagTf = new ArrayList<>();
        final Map<String, Integer> surface = new HashMap<>();
        final List<Doc> docs = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final TitleAnalyzer stemmer = new TitleAnalyzer();
        final Map<String, String> stems = new HashMap<>();

        void occupation(String code, String title, String description) {
            occupationIndex.put(code, codes.size());
            codes.add(code);
            titles.add(title);
            Map<Integer, Integer> tf = new HashMap<>();
            for (String word : DESCRIPTION_SPLIT.split(description.toLowerCase(Locale.ROOT))) {
                if (word.isEmpty() || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
                    continue;
                }
                surface.merge(word, 1, Integer::sum);
                tf.merge(id(stem(word)), 1, Integer::sum);
            }
            descriptionTf.add(tf);
            bagTf.add(new HashMap<>());
        }

        void title(String code, String title, String kind) {
            TitleNormaliser.Normalised normalised = TitleNormaliser.analyse(title);
            List<String> words = normalised.words();
            if (words.isEmpty()) {
                return;
            }
            int[] terms =
                    words.stream().map(this::stem).distinct().mapToInt(this::id).toArray();
            String key = code + "|" + Arrays.toString(terms);
            if (!seen.add(key)) {
                return;
            }
            words.forEach(w -> surface.merge(w, 3, Integer::sum));
            int head = normalised.head() == null ? -1 : id(stem(normalised.head()));
            Map<Integer, Integer> bag = bagTf.get(occupationIndex.get(code));
            for (int t : terms) {
                bag.merge(t, 1, Integer::sum);
            }
            docs.add(new Doc(occupationIndex.get(code), terms, head, title, kind));
        }

        String stem(String word) {
            return stems.computeIfAbsent(word, w -> {
                List<String> terms = stemmer.terms(w);
                return terms.isEmpty() ? w : terms.get(0);
            });
        }

        int id(String term) {
            return termIds.computeIfAbsent(term, t -> termIds.size());
        }
    }
}
