package org.jobpricing.server.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Checks a rule set beyond what the compiler sees: values in range, every level in both level
 * tables, no two rows with the same conditions, no row hidden behind a {@code *} row.
 */
public final class RuleSetLinter {

    /** Action setters with the values they accept. */
    private static final Map<String, Range> RANGES = new LinkedHashMap<>();

    private record Range(String rule, DoublePredicate ok) {
    }

    static {
        RANGES.put("setLevelFactor", new Range("a level factor must be > 0", v -> v > 0));
        RANGES.put("setSpread", new Range("a spread must be > 0", v -> v > 0));
        RANGES.put("setAgingRate", new Range("an aging rate must be > -1", v -> v > -1));
        RANGES.put("setAreaIndex", new Range("an area index must be > 0", v -> v > 0));
        RANGES.put("setRounding", new Range("a rounding unit must be > 0", v -> v > 0));
        RANGES.put("setTargetPercentile", new Range("the target percentile must be between 10 and 90",
                v -> v >= 10 && v <= 90));
        RANGES.put("setPremiumCap", new Range("the premium cap must be >= 0", v -> v >= 0));
        RANGES.put("setPremium", new Range("a skill premium must be >= 0", v -> v >= 0));
        RANGES.put("setSourceWeight", new Range("a weight must be >= 0", v -> v >= 0));
        RANGES.put("setMatchWeight", new Range("a weight must be >= 0", v -> v >= 0));
        RANGES.put("setAnnualize", new Range("periods per year must be > 0", v -> v > 0));
    }

    private RuleSetLinter() {
    }

    /** Every semantic problem of the decision tables among {@code sources}. */
    public static List<RuleProblem> check(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        List<DecisionTable> tables = new ArrayList<>();
        for (RuleSource source : sources) {
            if (DecisionTable.isDecisionTable(source.name())) {
                tables.addAll(DecisionTable.read(source));
            }
        }
        for (DecisionTable table : tables) {
            checkValues(table, problems);
            checkOverlaps(table, problems);
        }
        checkLevels(tables, problems);
        return problems;
    }

    private static void checkValues(DecisionTable t, List<RuleProblem> problems) {
        for (int c = 0; c < t.columns().size(); c++) {
            DecisionTable.Column column = t.columns().get(c);
            if (column.condition()) {
                continue;
            }
            for (Map.Entry<String, Range> setter : RANGES.entrySet()) {
                if (!column.snippet().contains(setter.getKey() + "(")) {
                    continue;
                }
                for (DecisionTable.Row row : t.rows()) {
                    String cell = row.cells().get(c);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    try {
                        double value = Double.parseDouble(cell);
                        if (!Double.isFinite(value) || !setter.getValue().ok().test(value)) {
                            problems.add(problem(t, row, c, setter.getValue().rule() + ", got " + cell));
                        }
                    } catch (NumberFormatException e) {
                        problems.add(problem(t, row, c, "'" + cell + "' is not a number"));
                    }
                }
                break;
            }
        }
    }

    private static void checkOverlaps(DecisionTable t, List<RuleProblem> problems) {
        Map<List<String>, Integer> seen = new HashMap<>();
        Integer anyRow = null;
        for (DecisionTable.Row row : t.rows()) {
            List<String> key = row.key(t.columns());
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                problems.add(problem(t, row, 0, "row repeats the conditions of line " + first
                        + ": the outcome would depend on row order"));
            }
            if (anyRow != null && !key.contains("*")) {
                problems.add(problem(t, row, 0, "row is never used: the * row at line " + anyRow + " matches first"));
            }
            if (key.contains("*") && anyRow == null) {
                anyRow = row.line();
            }
        }
    }

    /** Every level needs a level factor and a spread. */
    private static void checkLevels(List<DecisionTable> tables, List<RuleProblem> problems) {
        Map<String, Located> factors = levels(tables, "setLevelFactor");
        Map<String, Located> spreads = levels(tables, "setSpread");
        if (factors.isEmpty() || spreads.isEmpty()) {
            return;
        }
        spreads.forEach((level, at) -> {
            if (!factors.containsKey(level)) {
                problems.add(problem(at.table(), at.row(), 0, "level " + level + " has a spread but no level factor"));
            }
        });
        factors.forEach((level, at) -> {
            if (!spreads.containsKey(level)) {
                problems.add(problem(at.table(), at.row(), 0, "level " + level + " has a level factor but no spread"));
            }
        });
    }

    private record Located(DecisionTable table, DecisionTable.Row row) {
    }

    private static Map<String, Located> levels(List<DecisionTable> tables, String setter) {
        Map<String, Located> levels = new LinkedHashMap<>();
        for (DecisionTable t : tables) {
            int levelColumn = -1;
            boolean sets = false;
            for (int c = 0; c < t.columns().size(); c++) {
                DecisionTable.Column column = t.columns().get(c);
                if (column.condition() && column.snippet().replace(" ", "").startsWith("level==")) {
                    levelColumn = c;
                }
                sets |= !column.condition() && column.snippet().contains(setter + "(");
            }
            if (sets && levelColumn >= 0) {
                for (DecisionTable.Row row : t.rows()) {
                    levels.putIfAbsent(row.cells().get(levelColumn), new Located(t, row));
                }
            }
        }
        return levels;
    }

    private static RuleProblem problem(DecisionTable t, DecisionTable.Row row, int column, String message) {
        return new RuleProblem(t.file(), row.line(), column + 1, t.name() + ": " + message);
    }
}
