package org.jobpricing.server.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The area table of a rule set read as data (method §11): each area's region and index, and the file
 * and line of its row. The rules price with the table itself; this view lets the engine choose the
 * candidates of an area's region before the rules run, validation check the rows, and the area search
 * answer from the table in force.
 */
public final class AreaTable {

    /** One row: the area code, its region (null for a region itself), its index, where it is written. */
    public record Area(String code, String region, double index, String file, int line) {}

    /** The area table of rule files without one. */
    public static final AreaTable EMPTY = new AreaTable(Map.of());

    private final Map<String, Area> areas;

    private AreaTable(Map<String, Area> areas) {
        this.areas = areas;
    }

    /**
     * The first table whose condition is the area ({@code area == "$param"}, or {@code inArea} as tables
     * were written before) and that sets an area index; rows in file order.
     */
    public static AreaTable of(List<RuleSource> sources) {
        for (RuleSource source : sources) {
            if (!DecisionTable.isDecisionTable(source.name())) {
                continue;
            }
            for (DecisionTable table : DecisionTable.read(source)) {
                Optional<Columns> columns = columns(table);
                if (columns.isPresent()) {
                    return new AreaTable(rows(table, columns.get()));
                }
            }
        }
        return EMPTY;
    }

    /** Where the code, region and index are in an area table; empty when {@code table} is not one. */
    record Columns(int code, int region, int index) {}

    static Optional<Columns> columns(DecisionTable table) {
        int code = -1;
        int region = -1;
        int index = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            DecisionTable.Column column = table.columns().get(c);
            String snippet = column.snippet().replaceAll("\\s+", "");
            if (column.condition() && (snippet.equals("area==\"$param\"") || snippet.equals("inArea(\"$param\")"))) {
                code = c;
            } else if (!column.condition() && snippet.contains("setAreaIndex(")) {
                index = c;
            } else if (!column.condition() && snippet.contains("setRegion(")) {
                region = c;
            }
        }
        return code >= 0 && index >= 0 ? Optional.of(new Columns(code, region, index)) : Optional.empty();
    }

    private static Map<String, Area> rows(DecisionTable table, Columns columns) {
        Map<String, Area> rows = new LinkedHashMap<>();
        for (DecisionTable.Row row : table.rows()) {
            String code = row.cells().get(columns.code());
            String region = columns.region() < 0 ? "" : row.cells().get(columns.region());
            double index;
            try {
                index = Double.parseDouble(row.cells().get(columns.index()));
            } catch (NumberFormatException e) {
                continue; // the cell check reports it
            }
            rows.putIfAbsent(code, new Area(code, region.isEmpty() ? null : region, index, table.file(), row.line()));
        }
        return rows;
    }

    /** Problems of the area tables among {@code tables}: a region that is not itself a row, a {@code *} row. */
    static List<RuleProblem> check(List<DecisionTable> tables) {
        List<RuleProblem> problems = new ArrayList<>();
        for (DecisionTable table : tables) {
            Optional<Columns> found = columns(table);
            if (found.isEmpty()) {
                continue;
            }
            Columns columns = found.get();
            java.util.Set<String> codes = new java.util.HashSet<>();
            table.rows().forEach(r -> codes.add(r.cells().get(columns.code())));
            for (DecisionTable.Row row : table.rows()) {
                String code = row.cells().get(columns.code());
                if (code.equals("*")) {
                    problems.add(new RuleProblem(
                            table.file(),
                            row.line(),
                            columns.code() + 1,
                            table.name() + ": * is not an area: an area missing from the table has index 1"
                                    + " and the quote warns UNKNOWN_AREA"));
                }
                if (columns.region() < 0) {
                    continue;
                }
                String region = row.cells().get(columns.region());
                if (!region.isEmpty() && !codes.contains(region)) {
                    problems.add(new RuleProblem(
                            table.file(),
                            row.line(),
                            columns.region() + 1,
                            table.name() + ": region " + region + " of " + code + " is not itself a row"));
                } else if (region.equals(code)) {
                    problems.add(new RuleProblem(
                            table.file(),
                            row.line(),
                            columns.region() + 1,
                            table.name() + ": " + code + " cannot be its own region"));
                }
            }
        }
        return problems;
    }

    public Optional<Area> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(areas.get(code));
    }

    /** The region of {@code code}, null when it has none or is not in the table. */
    public String regionOf(String code) {
        return find(code).map(Area::region).orElse(null);
    }

    public Collection<Area> all() {
        return areas.values();
    }

    public int size() {
        return areas.size();
    }
}
