package org.jobpricing.server.rules;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A rule table of a CSV decision table read as data (not compiled): its columns and its rows with
 * their line numbers, for the semantic checks and the row diff.
 */
public record DecisionTable(String file, String name, int line, int labelLine, List<Column> columns, List<Row> rows) {

    /** A CONDITION or ACTION column: its code snippet and its title. */
    public record Column(boolean condition, String snippet, String label) {}

    /** A data row: 1-based line in the file and one cell per column ("" when empty). */
    public record Row(int line, List<String> cells) {
        /** The condition cells, which identify the row. */
        public List<String> key(List<Column> columns) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).condition()) {
                    key.add(cells.get(i));
                }
            }
            return key;
        }
    }

    private static final CsvMapper MAPPER = new CsvMapper();

    /** True for the decision-table files this reader understands. */
    public static boolean isDecisionTable(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".drl.csv") || n.endsWith(".drl.xls") || n.endsWith(".drl.xlsx");
    }

    /**
     * Every rule table of a decision-table file (CSV, or each sheet of an XLS/XLSX workbook); an
     * unreadable file gives no tables (the compiler reports it).
     */
    public static List<DecisionTable> read(RuleSource source) {
        List<String[]> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        return readLines(source, lines, numbers) ? tables(source.name(), lines, numbers) : List.of();
    }

    /** Reads the file's lines and their numbers; false when it cannot be read. */
    private static boolean readLines(RuleSource source, List<String[]> lines, List<Integer> numbers) {
        try {
            if (source.name().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                readCsv(source.content(), lines, numbers);
            } else {
                readWorkbook(source.content(), lines, numbers);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The machinery of a decision-table file: every line except the data rows, the column titles and
     * the notes, in order. Two files with the same machinery differ only in their values; a file that
     * cannot be read is all machinery.
     */
    public static String machinery(RuleSource source) {
        List<String[]> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        if (!readLines(source, lines, numbers)) {
            return source.storedText();
        }
        java.util.Set<Integer> values = new java.util.HashSet<>();
        for (DecisionTable table : tables(source.name(), lines, numbers)) {
            values.add(table.labelLine());
            table.rows().forEach(r -> values.add(r.line()));
        }
        StringBuilder machinery = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            int first = firstNonEmpty(cells);
            boolean notes = first >= 0 && cells[first].strip().equalsIgnoreCase("notes");
            if (first >= 0 && !notes && !values.contains(numbers.get(i))) {
                List<String> kept =
                        new ArrayList<>(Arrays.stream(cells).map(String::strip).toList());
                while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                machinery.append(String.join("\u001f", kept)).append('\n');
            } else if (first < 0) {
                machinery.append('\n');
            }
        }
        return machinery.toString().replaceAll("\n{2,}", "\n\n").strip();
    }

    private static void readCsv(byte[] content, List<String[]> lines, List<Integer> numbers) throws IOException {
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(content)) {
            while (it.hasNextValue()) {
                lines.add(it.nextValue());
                numbers.add(it.getParser().currentTokenLocation().getLineNr());
            }
        }
    }

    /** All sheets, one after the other; a blank line separates them so no table runs across sheets. */
    private static void readWorkbook(byte[] content, List<String[]> lines, List<Integer> numbers) throws IOException {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    String[] cells = new String[Math.max(0, row.getLastCellNum())];
                    for (int c = 0; c < cells.length; c++) {
                        Cell cell = row.getCell(c);
                        cells[c] = cell == null ? "" : format.formatCellValue(cell);
                    }
                    lines.add(cells);
                    numbers.add(row.getRowNum() + 1);
                }
                lines.add(new String[0]);
                numbers.add(0);
            }
        }
    }

    private static List<DecisionTable> tables(String file, List<String[]> lines, List<Integer> numbers) {
        List<DecisionTable> tables = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int offset = firstNonEmpty(lines.get(i));
            if (offset < 0
                    || !lines.get(i)[offset].strip().toLowerCase(Locale.ROOT).startsWith("ruletable")
                    || i + 4 >= lines.size()) {
                continue;
            }
            String name =
                    lines.get(i)[offset].strip().substring("RuleTable".length()).strip();
            String[] kinds = lines.get(i + 1);
            List<Column> columns = new ArrayList<>();
            for (int c = offset; c < kinds.length && !kinds[c].isBlank(); c++) {
                String kind = kinds[c].strip().toUpperCase(Locale.ROOT);
                columns.add(new Column(kind.startsWith("C"), cell(lines.get(i + 3), c), cell(lines.get(i + 4), c)));
            }
            List<Row> rows = new ArrayList<>();
            int r = i + 5;
            for (;
                    r < lines.size()
                            && firstNonEmpty(lines.get(r)) >= 0
                            && !cell(lines.get(r), firstNonEmpty(lines.get(r)))
                                    .toLowerCase(Locale.ROOT)
                                    .startsWith("ruletable");
                    r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    cells.add(cell(lines.get(r), offset + c).strip());
                }
                rows.add(new Row(numbers.get(r), cells));
            }
            tables.add(new DecisionTable(file, name, numbers.get(i), numbers.get(i + 4), columns, rows));
            i = r - 1;
        }
        return tables;
    }

    private static int firstNonEmpty(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(String[] cells, int index) {
        return index < cells.length ? cells[index] : "";
    }

    @Override
    public String toString() {
        return file + " " + name + " " + Arrays.toString(rows.toArray());
    }
}
