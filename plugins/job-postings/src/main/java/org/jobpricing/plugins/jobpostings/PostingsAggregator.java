package org.jobpricing.plugins.jobpostings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.Percentiles;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;

/**
 * Turns the postings of a window into one observation per (occupation, level, country, area, currency,
 * period, month): percentiles of the postings' pay by {@link Percentiles}, sample size = postings, org
 * count = distinct companies. Postings are deduplicated by id (the first kept); groups smaller than
 * {@code minPostings} are not emitted. Each kind of skipped posting is counted in one warning, never
 * one warning per posting.
 */
final class PostingsAggregator {

    static final String SOURCE_ID = "job-postings";
    private static final int TITLE_EXAMPLES = 5;

    private record Key(
            YearMonth month,
            String occupation,
            String level,
            String country,
            String area,
            String currency,
            PayPeriod period) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::month)
            .thenComparing(Key::occupation)
            .thenComparing(Key::level)
            .thenComparing(Key::country)
            .thenComparing(k -> k.area() == null ? "" : k.area())
            .thenComparing(Key::currency)
            .thenComparing(Key::period);

    private final TitleMapper titles;
    private final int minPostings;

    PostingsAggregator(TitleMapper titles, int minPostings) {
        this.titles = titles;
        this.minPostings = minPostings;
    }

    /** The observations of the window's months, the warnings, and the window's cursor. */
    FetchResult aggregate(List<Posting> postings, MonthWindow window) {
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, Integer> unmapped = new LinkedHashMap<>();
        int duplicates = 0;
        int outside = 0;
        Set<String> seen = new HashSet<>();
        Map<Key, List<CheckedPosting>> groups = new TreeMap<>(ORDER);
        for (Posting p : postings) {
            if (p.id() == null) {
                skipped.merge("without id", 1, Integer::sum);
                continue;
            }
            if (!seen.add(p.id())) {
                duplicates++;
                continue;
            }
            Optional<LocalDate> posted = CheckedPosting.postedDate(p);
            if (posted.isPresent() && !window.contains(posted.get())) {
                outside++;
                continue;
            }
            CheckedPosting.Outcome outcome = CheckedPosting.check(p);
            if (outcome.posting() == null) {
                skipped.merge(outcome.skipReason(), 1, Integer::sum);
                continue;
            }
            CheckedPosting checked = outcome.posting();
            Optional<TitleMapper.Match> match = titles.map(checked.title());
            if (match.isEmpty()) {
                unmapped.merge(checked.title() == null ? "(no title)" : checked.title(), 1, Integer::sum);
                continue;
            }
            Key key = new Key(
                    YearMonth.from(checked.posted()),
                    match.get().occupationCode(),
                    match.get().level(),
                    checked.country(),
                    checked.area(),
                    checked.currency(),
                    checked.period());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(checked);
        }
        List<MarketObservation> observations = new ArrayList<>();
        int smallGroups = 0;
        int inSmallGroups = 0;
        for (Map.Entry<Key, List<CheckedPosting>> group : groups.entrySet()) {
            if (group.getValue().size() < minPostings) {
                smallGroups++;
                inSmallGroups += group.getValue().size();
            } else {
                observations.add(observation(group.getKey(), group.getValue()));
            }
        }
        List<Problem> warnings = new ArrayList<>();
        if (duplicates > 0) {
            warnings.add(new Problem(0, "id", duplicates + " duplicate posting(s) ignored (an id already read)"));
        }
        if (outside > 0) {
            warnings.add(new Problem(
                    0,
                    "postedDate",
                    outside + " posting(s) dated outside " + window.from() + ".." + window.to() + " ignored"));
        }
        if (!skipped.isEmpty()) {
            warnings.add(new Problem(0, null, total(skipped) + " posting(s) skipped: " + counts(skipped)));
        }
        if (!unmapped.isEmpty()) {
            warnings.add(new Problem(
                    0,
                    "title",
                    total(unmapped) + " posting(s) with a title the title map does "
                            + "not know were not aggregated, e.g. " + examples(unmapped) + "; map them in titleMap"));
        }
        if (smallGroups > 0) {
            warnings.add(new Problem(
                    0,
                    "minPostings",
                    smallGroups + " group(s) with fewer than " + minPostings + " postings not emitted (" + inSmallGroups
                            + " posting(s))"));
        }
        return new FetchResult(observations, warnings, window.cursor());
    }

    private static MarketObservation observation(Key key, List<CheckedPosting> postings) {
        Percentiles p = Percentiles.of(
                postings.stream().mapToDouble(CheckedPosting::pay).toArray());
        long companies = postings.stream()
                .map(CheckedPosting::company)
                .filter(Objects::nonNull)
                .distinct()
                .count();
        return new MarketObservation(
                SOURCE_ID,
                SourceType.POSTINGS,
                key.occupation(),
                key.level(),
                key.country(),
                key.area(),
                key.currency(),
                key.period(),
                key.month().atDay(1),
                p.p10(),
                p.p25(),
                p.p50(),
                p.p75(),
                p.p90(),
                postings.size(),
                companies == 0 ? null : (int) companies);
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String examples(Map<String, Integer> titles) {
        return titles.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TITLE_EXAMPLES)
                .map(e -> "'" + shorten(e.getKey()) + "' (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String shorten(String title) {
        return title.length() <= 60 ? title : title.substring(0, 57) + "...";
    }
}
