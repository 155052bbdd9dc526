package org.jobpricing.server.rulesets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jobpricing.server.api.RuleSetViews;
import org.jobpricing.server.rules.DecisionTable;
import org.jobpricing.server.rules.RuleCode;
import org.jobpricing.server.rules.RuleSource;

/**
 * What changed between two rule sets: files added, removed or modified; for decision tables the rows
 * (by their conditions) with old and new values, for other files the lines.
 */
public final class RuleSetDiff {

    private RuleSetDiff() {}

    public static RuleSetViews.Diff between(
            int fromVersion, List<RuleSource> from, int toVersion, List<RuleSource> to) {
        Map<String, RuleSource> a = byName(from);
        Map<String, RuleSource> b = byName(to);
        List<RuleSetViews.FileDiff> files = new ArrayList<>();
        for (String name : new TreeSet<>(union(a, b))) {
            RuleSource before = a.get(name);
            RuleSource after = b.get(name);
            if (before == null) {
                files.add(new RuleSetViews.FileDiff(name, "ADDED", List.of(), List.of()));
            } else if (after == null) {
                files.add(new RuleSetViews.FileDiff(name, "REMOVED", List.of(), List.of()));
            } else if (!java.util.Arrays.equals(before.content(), after.content())) {
                boolean table = DecisionTable.isDecisionTable(name);
                files.add(new RuleSetViews.FileDiff(
                        name,
                        "MODIFIED",
                        table ? rows(before, after) : List.of(),
                        table ? List.of() : lines(before.text(), after.text())));
            }
        }
        return new RuleSetViews.Diff(fromVersion, toVersion, files, RuleCode.changed(from, to));
    }

    private static List<RuleSetViews.RowChange> rows(RuleSource before, RuleSource after) {
        Map<String, DecisionTable> a = tables(before);
        Map<String, DecisionTable> b = tables(after);
        List<RuleSetViews.RowChange> changes = new ArrayList<>();
        for (String table : new TreeSet<>(union(a, b))) {
            DecisionTable ta = a.get(table);
            DecisionTable tb = b.get(table);
            Map<List<String>, DecisionTable.Row> ra = ta == null ? Map.of() : keyed(ta);
            Map<List<String>, DecisionTable.Row> rb = tb == null ? Map.of() : keyed(tb);
            for (Map.Entry<List<String>, DecisionTable.Row> e : ra.entrySet()) {
                DecisionTable.Row other = rb.get(e.getKey());
                if (other == null) {
                    changes.add(new RuleSetViews.RowChange(
                            table, e.getKey(), "REMOVED", e.getValue().line(), null, values(ta, e.getValue()), null));
                } else if (!values(ta, e.getValue()).equals(values(tb, other))) {
                    changes.add(new RuleSetViews.RowChange(
                            table,
                            e.getKey(),
                            "CHANGED",
                            e.getValue().line(),
                            other.line(),
                            values(ta, e.getValue()),
                            values(tb, other)));
                }
            }
            for (Map.Entry<List<String>, DecisionTable.Row> e : rb.entrySet()) {
                if (!ra.containsKey(e.getKey())) {
                    changes.add(new RuleSetViews.RowChange(
                            table, e.getKey(), "ADDED", null, e.getValue().line(), null, values(tb, e.getValue())));
                }
            }
        }
        return changes;
    }

    /** Lines only in one of the two texts, by occurrence count. */
    private static List<RuleSetViews.LineChange> lines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        Map<String, Integer> countA = counts(a);
        Map<String, Integer> countB = counts(b);
        List<RuleSetViews.LineChange> changes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            int n = seen.merge("-" + a[i], 1, Integer::sum);
            if (n > countB.getOrDefault(a[i], 0)) {
                changes.add(new RuleSetViews.LineChange("-", i + 1, a[i]));
            }
        }
        for (int i = 0; i < b.length; i++) {
            int n = seen.merge("+" + b[i], 1, Integer::sum);
            if (n > countA.getOrDefault(b[i], 0)) {
                changes.add(new RuleSetViews.LineChange("+", i + 1, b[i]));
            }
        }
        return changes;
    }

    private static Map<String, Integer> counts(String[] lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(line, 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, DecisionTable> tables(RuleSource source) {
        Map<String, DecisionTable> tables = new LinkedHashMap<>();
        DecisionTable.read(source).forEach(t -> tables.put(t.name(), t));
        return tables;
    }

    private static Map<List<String>, DecisionTable.Row> keyed(DecisionTable t) {
        Map<List<String>, DecisionTable.Row> rows = new LinkedHashMap<>();
        t.rows().forEach(r -> rows.putIfAbsent(r.key(t.columns()), r));
        return rows;
    }

    private static Map<String, String> values(DecisionTable t, DecisionTable.Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < t.columns().size(); i++) {
            if (!t.columns().get(i).condition()) {
                values.put(t.columns().get(i).label(), row.cells().get(i));
            }
        }
        return values;
    }

    private static Map<String, RuleSource> byName(List<RuleSource> sources) {
        Map<String, RuleSource> map = new LinkedHashMap<>();
        sources.forEach(s -> map.put(s.name(), s));
        return map;
    }

    private static <T> java.util.Set<String> union(Map<String, T> a, Map<String, T> b) {
        java.util.Set<String> names = new java.util.HashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }
}
