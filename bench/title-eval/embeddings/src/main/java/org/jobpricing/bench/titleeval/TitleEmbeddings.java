package org.jobpricing.bench.titleeval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Unit-length sentence embeddings of titles, each title embedded once. */
final class TitleEmbeddings {

    private static final int BATCH = 256;

    private final EmbeddingModel model;
    private final Map<String, float[]> vectors = new HashMap<>();

    TitleEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** Embeds every title not embedded yet, in batches. */
    void addAll(Collection<String> titles) {
        List<String> missing = List.copyOf(new LinkedHashSet<>(
                titles.stream().filter(t -> !vectors.containsKey(t)).toList()));
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<Embedding> embedded = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), unit(embedded.get(i).vector()));
            }
        }
    }

    /** The embedding of {@code title}, computing it if needed. */
    float[] of(String title) {
        float[] vector = vectors.get(title);
        return vector != null ? vector : unit(model.embed(title).content().vector());
    }

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }
}
