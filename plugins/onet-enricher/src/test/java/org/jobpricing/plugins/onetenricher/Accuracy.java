package org.jobpricing.plugins.onetenricher;

import java.util.List;
import java.util.function.Function;

/** How often a title-mapping method puts a right code first, and among its first three. */
record Accuracy(int titles, int top1Hits, int top3Hits) {

    /** Runs {@code method} (title → codes, best first) over {@code set}. */
    static Accuracy of(List<LabelledTitle> set, Function<String, List<String>> method) {
        int top1 = 0;
        int top3 = 0;
        for (LabelledTitle title : set) {
            List<String> codes = method.apply(title.title());
            top1 += !codes.isEmpty() && title.expected().contains(codes.get(0)) ? 1 : 0;
            top3 += codes.stream().limit(3).anyMatch(title.expected()::contains) ? 1 : 0;
        }
        return new Accuracy(set.size(), top1, top3);
    }

    double top1() {
        return titles == 0 ? 0 : (double) top1Hits / titles;
    }

    double top3() {
        return titles == 0 ? 0 : (double) top3Hits / titles;
    }
}
