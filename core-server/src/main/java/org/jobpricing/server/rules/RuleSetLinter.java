package org.jobpricing.server.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a rule set beyond what the compiler sees: every level in both level tables, no two rows with
 * the same conditions, no row hidden behind a {@code *} row. (Each cell's type and range is checked
 * before compiling, by {@link TableCells}.)
 */
public final class RuleSetLinter {

    private RuleSetLinter() {}

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
            checkOverlaps(table, problems);
        }
        checkLevels(tables, problems);
        problems.addAll(AreaTable.check(tables));
        return problems;
    }

    private static void checkOverlaps(DecisionTable t, List<RuleProblem> problems) {
        Map<List<String>, Integer> seen = new HashMap<>();
        Integer anyRow = null;
        for (DecisionTable.Row row : t.rows()) {
            List<String> key = row.key(t.columns());
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                problems.add(problem(
                        t,
                        row,
                        0,
                        "row repeats the conditions of line " + first + ": the outcome would depend on row order"));
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

    private record Located(DecisionTable table, DecisionTable.Row row) {}

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
