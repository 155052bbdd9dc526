package org.jobpricing.plugins.onetenricher;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The titles the plugin indexes (occupation, alternate and short titles), for the exact-lookup baseline
 * and for holding titles out of the index.
 */
final class ReferenceTitles {

    private ReferenceTitles() {}

    /**
     * The data without the alternate-title rows whose title, title without parentheses or short title is,
     * ignoring case, one of {@code titles}.
     */
    static OnetData without(OnetData data, Collection<String> titles) {
        Set<String> keys = new HashSet<>();
        titles.forEach(t -> keys.add(LabelledTitle.key(t)));
        List<OnetData.AlternateTitle> kept = data.alternateTitles().stream()
                .filter(a -> keysOf(a).stream().noneMatch(keys::contains))
                .toList();
        return new OnetData(data.occupations(), kept, data.skills());
    }

    /** Exact lookup: lower-cased title → codes in file order (occupation titles first). */
    static Map<String, Set<String>> exactLookup(OnetData data) {
        Map<String, Set<String>> lookup = new HashMap<>();
        data.occupations().forEach(o -> add(lookup, LabelledTitle.key(o.title()), o.code()));
        data.alternateTitles().forEach(a -> keysOf(a).forEach(k -> add(lookup, k, a.code())));
        return lookup;
    }

    /** Every form under which an alternate-title row is indexed. */
    static Set<String> keysOf(OnetData.AlternateTitle alternate) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(LabelledTitle.key(alternate.title()));
        keys.add(LabelledTitle.key(alternate.title().replaceAll("\\([^)]*\\)", " ")));
        if (alternate.shortTitle() != null) {
            keys.add(LabelledTitle.key(alternate.shortTitle()));
        }
        return keys;
    }

    private static void add(Map<String, Set<String>> lookup, String key, String code) {
        lookup.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(code);
    }
}
