package org.jobpricing.plugins.onetenricher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jobpricing.plugin.api.OccupationMatch;

/**
 * Prints top-1 and top-3 accuracy of the exact-title baseline and of the enricher's title matching on
 * the evaluation set. Hand-written titles run against the index as shipped. Every O*NET reported title is
 * also an alternate title of the shipped index, so those run against an index built without them
 * ("held out"), which measures how the method copes with titles it has not seen verbatim; the shipped
 * index is reported beside it. Arguments: the labelled CSV, then {@code --misses} to list misses.
 */
public final class TitleEval {

    private TitleEval() {}

    public static void main(String[] args) throws Exception {
        List<LabelledTitle> set = LabelledTitle.read(Path.of(args[0]));
        List<LabelledTitle> handwritten = LabelledTitle.from(set, LabelledTitle.HANDWRITTEN);
        List<LabelledTitle> reported = LabelledTitle.from(set, LabelledTitle.REPORTED);
        OnetData shipped = OnetData.bundled();
        OnetData heldOut = ReferenceTitles.without(
                shipped, reported.stream().map(LabelledTitle::title).toList());
        OccupationMatcher shippedIndex = new OccupationMatcher(TitleIndex.build(shipped));
        OccupationMatcher heldOutIndex = new OccupationMatcher(TitleIndex.build(heldOut));

        System.out.printf(Locale.ROOT, "%-22s %-28s %5s %7s %7s%n", "method", "titles", "n", "top-1", "top-3");
        row("exact title lookup", "handwritten", handwritten, exact(shipped));
        row("exact title lookup", "onet-reported, held out", reported, exact(heldOut));
        row("exact title lookup", "onet-reported, shipped", reported, exact(shipped));
        row("onet-enricher BM25", "handwritten", handwritten, enricher(shippedIndex));
        row("onet-enricher BM25", "onet-reported, held out", reported, enricher(heldOutIndex));
        row("onet-enricher BM25", "onet-reported, shipped", reported, enricher(shippedIndex));
        if (List.of(args).contains("--misses")) {
            misses(handwritten, enricher(shippedIndex));
            misses(reported, enricher(heldOutIndex));
        }
    }

    static Function<String, List<String>> exact(OnetData data) {
        Map<String, Set<String>> lookup = ReferenceTitles.exactLookup(data);
        return title -> lookup.getOrDefault(LabelledTitle.key(title), Set.of()).stream()
                .limit(3)
                .toList();
    }

    static Function<String, List<String>> enricher(OccupationMatcher index) {
        return title ->
                index.match(title, null, 3).stream().map(OccupationMatch::code).toList();
    }

    private static void row(
            String method, String titles, List<LabelledTitle> set, Function<String, List<String>> matcher) {
        Accuracy accuracy = Accuracy.of(set, matcher);
        System.out.printf(
                Locale.ROOT,
                "%-22s %-28s %5d %7.3f %7.3f%n",
                method,
                titles,
                accuracy.titles(),
                accuracy.top1(),
                accuracy.top3());
    }

    private static void misses(List<LabelledTitle> set, Function<String, List<String>> matcher) {
        for (LabelledTitle title : set) {
            List<String> top = matcher.apply(title.title());
            if (top.stream().noneMatch(title.expected()::contains)) {
                System.out.printf(
                        "miss %-45s [%s] expected %s got %s%n",
                        title.title(),
                        TitleNormaliser.normalise(title.title()),
                        new ArrayList<>(title.expected()),
                        top);
            }
        }
    }
}
