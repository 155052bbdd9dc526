package org.jobpricing.plugins.hrispayroll;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jobpricing.plugin.api.CsvRows;
import org.jobpricing.plugin.api.Problem;

/**
 * Reads a payroll export: CSV with the header {@code employee_id,job_code,level,location,base_pay,
 * currency,period}, or JSON, an array of objects with the same fields in camelCase. A file whose content
 * starts with {@code [} or <code>{</code> is read as JSON, any other as CSV. A file that is not an export
 * at all throws {@link NotAnExportException}; a row of the wrong shape is a problem and is skipped.
 * No message quotes the file's content, which is individual pay.
 */
final class ExportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rows of one file and the problems of rows that could not be read. */
    record Export(List<PayrollRow> rows, List<Problem> problems) {}

    /** A file that is not a payroll export; the message names the file and what was expected. */
    static final class NotAnExportException extends IOException {
        NotAnExportException(String message) {
            super(message);
        }
    }

    private ExportReader() {}

    static Export read(String name, byte[] content) throws NotAnExportException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        return start.startsWith("[") || start.startsWith("{") ? json(name, text) : csv(name, text);
    }

    private static Export csv(String name, String text) throws NotAnExportException {
        if (!headerIsRight(text)) {
            throw new NotAnExportException(name + " is not an HRIS payroll export: its first line must be the header "
                    + String.join(",", Field.CSV_HEADER));
        }
        CsvRows.Result csv = CsvRows.read(new StringReader(text), Field.CSV_HEADER);
        List<Problem> problems = new ArrayList<>();
        for (Problem p : csv.problems()) {
            // CsvRows reports a row of the wrong length as "expected N cells, found M" and goes on;
            // anything else (broken quoting) stops it, and a half-read export must not be used.
            if (!p.message().startsWith("expected ")) {
                throw new NotAnExportException(name + " line " + p.line() + ": malformed CSV; the file was not read");
            }
            problems.add(new Problem(p.line(), null, name + ": " + p.message() + "; row skipped"));
        }
        List<PayrollRow> rows = csv.rows().stream()
                .map(r -> new PayrollRow(name, r.line(), false, values(r)))
                .toList();
        return new Export(rows, problems);
    }

    private static String[] values(CsvRows.Row row) {
        String[] values = new String[Field.values().length];
        for (Field f : Field.values()) {
            values[f.ordinal()] = row.get(f.ordinal());
        }
        return values;
    }

    private static boolean headerIsRight(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        List<String> names = Arrays.stream(first.split(",", -1))
                .map(c -> c.trim().replace("\"", "").toLowerCase(Locale.ROOT))
                .toList();
        return names.equals(Field.CSV_HEADER);
    }

    private static Export json(String name, String text) throws NotAnExportException {
        List<PayrollRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new NotAnExportException(name + " is not an HRIS payroll export: expected a JSON array of "
                        + "objects with the fields employeeId, jobCode, level, location, basePay, currency, period");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                long line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.START_OBJECT) {
                    rows.add(row(name, line, JSON.readTree(parser)));
                } else {
                    parser.skipChildren();
                    problems.add(new Problem(line, null, name + ": not an object; skipped"));
                }
            }
        } catch (NotAnExportException e) {
            throw e;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new NotAnExportException(name + " line " + line + ": malformed JSON; the file was not read");
        } catch (IOException e) {
            throw new NotAnExportException(name + ": unreadable JSON; the file was not read");
        }
        return new Export(rows, problems);
    }

    private static PayrollRow row(String name, long line, JsonNode object) {
        String[] values = new String[Field.values().length];
        for (Field f : Field.values()) {
            JsonNode value = object.path(f.jsonName);
            boolean present =
                    value.isValueNode() && !value.isNull() && !value.asText().isBlank();
            values[f.ordinal()] = present ? value.asText().trim() : null;
        }
        return new PayrollRow(name, line, true, values);
    }
}
