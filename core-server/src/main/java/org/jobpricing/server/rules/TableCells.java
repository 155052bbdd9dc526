package org.jobpricing.server.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks every cell of every decision table against its column's declared {@link ColumnType}. */
public final class TableCells {

    private TableCells() {}

    /** Every cell that is not a value of its column's type, with file, line and column. */
    public static List<RuleProblem> check(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : sources) {
            if (!DecisionTable.isDecisionTable(source.name())) {
                continue;
            }
            for (DecisionTable table : DecisionTable.read(source)) {
                check(table, problems);
            }
        }
        return problems;
    }

    private static void check(DecisionTable table, List<RuleProblem> problems) {
        for (int c = 0; c < table.columns().size(); c++) {
            DecisionTable.Column column = table.columns().get(c);
            Optional<ColumnType> type = ColumnType.of(column.snippet());
            if (type.isEmpty()) {
                problems.add(new RuleProblem(
                        table.file(),
                        table.line(),
                        c + 1,
                        table.name() + ": column '" + column.label()
                                + "' takes several values ($1, $2); only one value per cell is supported"));
                continue;
            }
            for (DecisionTable.Row row : table.rows()) {
                String cell = row.cells().get(c);
                if (cell.isEmpty()) {
                    continue;
                }
                int col = c;
                type.get()
                        .problem(cell)
                        .ifPresent(p -> problems.add(new RuleProblem(
                                table.file(),
                                row.line(),
                                col + 1,
                                table.name() + ", column " + column.label() + ": " + p)));
            }
        }
    }
}
