package org.jobpricing.plugins.onetenricher;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How often a title-mapping method puts a right SOC code first, and among its first three distinct SOC
 * codes (a method answering O*NET-SOC codes has its answers cut to their SOC code, duplicates dropped).
 */
record Accuracy(int titles, int top1Hits, int top3Hits, double weightedTop1, double weightedTop3) {

    /** Runs {@code method} (title → codes, best first) over {@code set}. */
    static Accuracy of(List<EvalTitle> set, Function<String, List<String>> method) {
        int top1 = 0;
        int top3 = 0;
        double w1 = 0;
        double w3 = 0;
        double total = 0;
        for (EvalTitle title : set) {
            List<String> socs = socs(method.apply(title.title()));
            boolean first = !socs.isEmpty() && title.socs().contains(socs.get(0));
            boolean three = socs.stream().limit(3).anyMatch(title.socs()::contains);
            top1 += first ? 1 : 0;
            top3 += three ? 1 : 0;
            w1 += first ? title.weight() : 0;
            w3 += three ? title.weight() : 0;
            total += title.weight();
        }
        return new Accuracy(set.size(), top1, top3, total == 0 ? 0 : w1 / total, total == 0 ? 0 : w3 / total);
    }

    static List<String> socs(List<String> codes) {
        Set<String> socs = new LinkedHashSet<>();
        codes.forEach(c -> socs.add(EmploymentPrior.soc(c)));
        return List.copyOf(socs);
    }

    double top1() {
        return titles == 0 ? 0 : (double) top1Hits / titles;
    }

    double top3() {
        return titles == 0 ? 0 : (double) top3Hits / titles;
    }
}
