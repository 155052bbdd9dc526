package org.jobpricing.plugin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file with a fixed header into rows that remember their line number. A wrong header,
 * a row with the wrong number of cells and malformed quoting are reported as problems, never thrown.
 */
public final class CsvRows {

    private static final CsvMapper MAPPER = new CsvMapper();

    /** A data row: its 1-based line in the file and its cells, trimmed, empty cells as "". */
    public record Row(long line, String[] cells) {
        /** The cell at {@code index}, or null when it is empty. */
        public String get(int index) {
            String cell = cells[index];
            return cell.isEmpty() ? null : cell;
        }
    }

    /** The rows read and the problems found; when problems is not empty the file must not be used. */
    public record Result(List<Row> rows, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private CsvRows() {}

    /** Reads {@code reader}, expecting exactly {@code header} (case-insensitive) as the first line. */
    public static Result read(Reader reader, List<String> header) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.TRIM_SPACES)
                .readValues(reader)) {
            long line = 0;
            boolean headerSeen = false;
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                line = it.getParser().currentTokenLocation().getLineNr();
                if (isBlank(cells)) {
                    continue;
                }
                cells = stripBom(cells);
                if (!headerSeen) {
                    headerSeen = true;
                    checkHeader(line, cells, header, problems);
                    if (!problems.isEmpty()) {
                        return new Result(List.of(), problems);
                    }
                    continue;
                }
                if (cells.length != header.size()) {
                    problems.add(
                            new Problem(line, null, "expected " + header.size() + " cells, found " + cells.length));
                    continue;
                }
                rows.add(new Row(line, cells));
            }
            if (!headerSeen) {
                problems.add(
                        new Problem(1, null, "the file is empty; expected the header " + String.join(",", header)));
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new Problem(at, null, "malformed CSV: " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(0, null, "unreadable CSV: " + e.getMessage()));
        }
        return new Result(rows, problems);
    }

    private static void checkHeader(long line, String[] cells, List<String> header, List<Problem> problems) {
        List<String> found = Arrays.stream(cells).map(String::toLowerCase).toList();
        if (!found.equals(header)) {
            problems.add(new Problem(
                    line,
                    null,
                    "header must be exactly " + String.join(",", header) + " but its " + cells.length
                            + " column(s) differ (cell values are not repeated: the line may hold personal data)"));
        }
    }

    private static boolean isBlank(String[] cells) {
        return cells.length == 0 || (cells.length == 1 && cells[0].isBlank());
    }

    private static String[] stripBom(String[] cells) {
        if (cells.length > 0 && !cells[0].isEmpty() && cells[0].charAt(0) == '\uFEFF') {
            String[] copy = cells.clone();
            copy[0] = copy[0].substring(1);
            return copy;
        }
        return cells;
    }
}
