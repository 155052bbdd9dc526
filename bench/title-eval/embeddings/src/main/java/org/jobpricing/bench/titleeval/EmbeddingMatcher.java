package org.jobpricing.bench.titleeval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Nearest reference titles by cosine similarity of all-MiniLM-L6-v2 embeddings: a query returns the
 * codes of its nearest reference titles, best first, each code once.
 */
final class EmbeddingMatcher {

    private final TitleEmbeddings embeddings;
    private final List<ReferenceTitles.Entry> entries;
    private final float[][] vectors;

    EmbeddingMatcher(TitleEmbeddings embeddings, List<ReferenceTitles.Entry> entries) {
        this.embeddings = embeddings;
        this.entries = List.copyOf(entries);
        embeddings.addAll(entries.stream().map(ReferenceTitles.Entry::title).toList());
        this.vectors = entries.stream().map(e -> embeddings.of(e.title())).toArray(float[][]::new);
    }

    List<String> top(String title, int k) {
        float[] query = embeddings.of(title);
        Set<String> codes = new LinkedHashSet<>();
        for (int index : nearest(query, k * 20)) {
            codes.add(entries.get(index).code());
            if (codes.size() == k) {
                break;
            }
        }
        return new ArrayList<>(codes);
    }

    /** Indexes of the {@code n} entries most similar to {@code query}, most similar first. */
    private int[] nearest(float[] query, int n) {
        float[] best = new float[n];
        int[] index = new int[n];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        int found = 0;
        for (int t = 0; t < vectors.length; t++) {
            float similarity = TitleEmbeddings.dot(query, vectors[t]);
            if (similarity <= best[n - 1]) {
                continue;
            }
            int at = n - 1;
            while (at > 0 && best[at - 1] < similarity) {
                best[at] = best[at - 1];
                index[at] = index[at - 1];
                at--;
            }
            best[at] = similarity;
            index[at] = t;
            found = Math.min(n, found + 1);
        }
        return Arrays.copyOf(index, found);
    }
}
