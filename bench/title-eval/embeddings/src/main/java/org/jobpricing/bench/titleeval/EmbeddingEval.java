package org.jobpricing.bench.titleeval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Top-1 and top-3 accuracy of all-MiniLM-L6-v2 embeddings (nearest reference title) on the evaluation
 * set, on the same protocol as the plugin's TitleEval: hand-written titles against all reference titles,
 * O*NET reported titles against the reference titles without them (held out) and with them (shipped).
 * Argument: the labelled CSV.
 */
public final class EmbeddingEval {

    private EmbeddingEval() {
    }

    public static void main(String[] args) throws Exception {
        List<LabelledTitle> set = LabelledTitle.read(Path.of(args[0]));
        List<LabelledTitle> handwritten = set.stream().filter(t -> t.source().equals("handwritten")).toList();
        List<LabelledTitle> reported = set.stream().filter(t -> t.source().equals("onet-reported")).toList();
        Set<String> heldOut = reported.stream().map(t -> LabelledTitle.key(t.title())).collect(Collectors.toSet());
        ReferenceTitles reference = ReferenceTitles.bundled();

        long start = System.nanoTime();
        TitleEmbeddings embeddings = new TitleEmbeddings(new AllMiniLmL6V2EmbeddingModel());
        EmbeddingMatcher shipped = new EmbeddingMatcher(embeddings, reference.entries(Set.of()));
        EmbeddingMatcher withoutReported = new EmbeddingMatcher(embeddings, reference.entries(heldOut));
        System.out.printf(Locale.ROOT, "embedded the reference titles in %.0f s%n", (System.nanoTime() - start) / 1e9);

        String method = "MiniLM embeddings";
        row(method, "handwritten", handwritten, shipped);
        row(method, "onet-reported, held out", reported, withoutReported);
        row(method, "onet-reported, shipped", reported, shipped);
    }

    private static void row(String method, String titles, List<LabelledTitle> set, EmbeddingMatcher matcher) {
        int top1 = 0;
        int top3 = 0;
        for (LabelledTitle title : set) {
            List<String> codes = matcher.top(title.title(), 3);
            top1 += !codes.isEmpty() && title.expected().contains(codes.get(0)) ? 1 : 0;
            top3 += codes.stream().anyMatch(title.expected()::contains) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%-22s %-28s %5d %7.3f %7.3f%n", method, titles, set.size(),
                (double) top1 / set.size(), (double) top3 / set.size());
    }
}
