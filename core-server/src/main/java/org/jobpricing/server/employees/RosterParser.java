package org.jobpricing.server.employees;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.Problem;

/**
 * Reads a payroll roster (CSV, or the first sheet of an XLSX workbook) and checks every line. The
 * result has every valid row and every problem; an import stores the rows only when there is none.
 * Problems name the line and column and never repeat a pay figure of another line.
 */
public final class RosterParser {

    /** The columns a roster may have, required ones first. */
    public static final List<String> REQUIRED =
            List.of("employee_id", "occupation_code", "level", "country", "base_pay", "currency", "period", "fte");

    public static final List<String> OPTIONAL =
            List.of("job_code", "job_family", "grade", "area", "variable_pay", "hire_date", "gender");

    /** Columns that would carry names or contact details: a roster must not send them. */
    private static final Set<String> PERSONAL = Set.of(
            "name",
            "first_name",
            "last_name",
            "full_name",
            "surname",
            "given_name",
            "email",
            "e_mail",
            "phone",
            "address",
            "birth_date",
            "date_of_birth");

    /** The most rows one import takes. */
    public static final int MAX_ROWS = 200_000;

    private static final Pattern EMPLOYEE_ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/-]{0,63}");
    private static final Pattern OCCUPATION = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final Pattern AREA = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} +#./&_()-]{0,79}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal MAX_PAY = new BigDecimal("1000000000");
    private static final CsvMapper CSV = new CsvMapper();

    /** Every valid row and every problem of one file. */
    public record Parsed(List<RosterRow> rows, List<Problem> problems) {}

    private RosterParser() {}

    /** True when the bytes are an XLSX (zip) or XLS (OLE2) workbook rather than text. */
    public static boolean isWorkbook(byte[] content) {
        return content.length >= 4
                && ((content[0] == 'P' && content[1] == 'K')
                        || (content[0] == (byte) 0xD0 && content[1] == (byte) 0xCF));
    }

    /** Parses a roster dated {@code asOf} (hire dates after it are refused). */
    public static Parsed parse(byte[] content, LocalDate asOf) {
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = isWorkbook(content) ? workbookLines(content, problems) : csvLines(content, problems);
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        if (lines.isEmpty()) {
            return new Parsed(List.of(), List.of(new Problem(1, null, "the file is empty: a header line is required")));
        }
        Map<String, Integer> columns = header(lines.get(0), problems);
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        if (lines.size() == 1) {
            return new Parsed(List.of(), List.of(new Problem(1, null, "the header is followed by no rows")));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            return new Parsed(
                    List.of(), List.of(new Problem(1, null, "more than " + MAX_ROWS + " rows: split the roster")));
        }
        List<RosterRow> rows = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            RosterRow row = row(line, columns, asOf, problems);
            if (row != null) {
                Long previous = firstLine.putIfAbsent(row.employeeId(), line.number());
                if (previous != null) {
                    problems.add(new Problem(line.number(), "employee_id", "the same employee id as line " + previous));
                } else {
                    rows.add(row);
                }
            }
        }
        return new Parsed(rows, problems);
    }

    /** One line of the file: its 1-based number and its cells. */
    private record Line(long number, List<String> cells) {}

    private static Map<String, Integer> header(Line line, List<Problem> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < line.cells().size(); i++) {
            String name = line.cells().get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (name.isEmpty()) {
                continue;
            }
            if (PERSONAL.contains(name)) {
                problems.add(
                        new Problem(1, name, "names and contact details are not stored: remove the column " + name));
            } else if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                problems.add(new Problem(
                        1,
                        name,
                        "unknown column " + name + ": a roster has " + String.join(", ", REQUIRED) + " and optionally "
                                + String.join(", ", OPTIONAL)));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new Problem(1, name, "the column " + name + " appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new Problem(1, required, "the required column " + required + " is missing"));
            }
        }
        return columns;
    }

    private static RosterRow row(Line line, Map<String, Integer> columns, LocalDate asOf, List<Problem> problems) {
        Cells c = new Cells(line, columns, problems);
        String employeeId =
                c.text("employee_id", true, EMPLOYEE_ID, "an employee id (letters, digits . _ : / -; up to 64)");
        String occupation = c.text("occupation_code", true, OCCUPATION, "an occupation code such as 15-1252");
        String level = upper(c.text("level", true, LEVEL, "a level code such as IC3"));
        String country = upper(c.text("country", true, null, null));
        if (country != null && !COUNTRIES.contains(country)) {
            c.problem("country", "'" + c.raw("country") + "' is not an ISO 3166 country code (two letters)");
        }
        String area = upper(c.text("area", false, AREA, "an area code such as US-NYC"));
        String currency = upper(c.text("currency", true, null, null));
        if (currency != null) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                c.problem("currency", "'" + c.raw("currency") + "' is not an ISO 4217 currency code");
            }
        }
        String period = upper(c.text("period", true, null, null));
        if (period != null
                && Arrays.stream(PayPeriod.values()).noneMatch(p -> p.name().equals(period))) {
            c.problem("period", "'" + c.raw("period") + "' is not a pay period (ANNUAL, MONTHLY, HOURLY)");
        }
        BigDecimal base = c.number("base_pay", true);
        if (base != null && (base.signum() <= 0 || base.compareTo(MAX_PAY) > 0)) {
            c.problem("base_pay", "base pay must be more than 0 and at most 1000000000");
        }
        BigDecimal variable = c.number("variable_pay", false);
        if (variable != null && (variable.signum() < 0 || variable.compareTo(MAX_PAY) > 0)) {
            c.problem("variable_pay", "variable pay must be from 0 to 1000000000");
        }
        BigDecimal fte = c.number("fte", true);
        if (fte != null && (fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0)) {
            c.problem("fte", "FTE must be more than 0 and at most 1");
        }
        LocalDate hired = c.date("hire_date");
        if (hired != null && hired.isAfter(asOf)) {
            c.problem("hire_date", "the hire date is after the roster's date " + asOf);
        }
        String gender = gender(c);
        String family = c.text("job_family", false, LABEL, "a job family name (letters, digits, spaces; up to 80)");
        String grade = c.text("grade", false, LABEL, "a grade (letters, digits, spaces; up to 80)");
        if (grade != null && grade.length() > 40) {
            c.problem("grade", "a grade has at most 40 characters");
        }
        String jobCode = c.text("job_code", false, LABEL, "an internal job code (letters, digits; up to 40)");
        if (jobCode != null && jobCode.length() > 40) {
            c.problem("job_code", "an internal job code has at most 40 characters");
        }
        if (c.failed()) {
            return null;
        }
        return new RosterRow(
                line.number(),
                employeeId,
                occupation,
                jobCode,
                family == null ? defaultFamily(occupation) : family,
                level,
                grade,
                country,
                area,
                currency,
                period,
                base,
                variable,
                hired,
                gender,
                fte);
    }

    /** Without a job family column, the occupation's major group: the code before its dash (15 for 15-1252). */
    static String defaultFamily(String occupation) {
        int dash = occupation.indexOf('-');
        return dash > 0 ? occupation.substring(0, dash) : occupation.substring(0, Math.min(2, occupation.length()));
    }

    private static String gender(Cells c) {
        String value = c.text("gender", false, null, null);
        if (value == null) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE", "W", "WOMAN" -> "F";
            case "M", "MALE", "MAN" -> "M";
            case "X", "D", "DIVERSE", "OTHER", "NON-BINARY" -> "X";
            default -> {
                c.problem("gender", "'" + c.raw("gender") + "' is not a gender: F, M or X (or empty)");
                yield null;
            }
        };
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** The cells of one line by column name, collecting the line's problems. */
    private static final class Cells {
        private final Line line;
        private final Map<String, Integer> columns;
        private final List<Problem> problems;
        private boolean failed;

        Cells(Line line, Map<String, Integer> columns, List<Problem> problems) {
            this.line = line;
            this.columns = columns;
            this.problems = problems;
        }

        String raw(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= line.cells().size()) {
                return "";
            }
            String value = line.cells().get(index).strip();
            return value.length() > 40 ? value.substring(0, 37) + "..." : value;
        }

        private String value(String column) {
            Integer index = columns.get(column);
            return index == null || index >= line.cells().size()
                    ? ""
                    : line.cells().get(index).strip();
        }

        void problem(String column, String message) {
            problems.add(new Problem(line.number(), column, message));
            failed = true;
        }

        boolean failed() {
            return failed;
        }

        String text(String column, boolean required, Pattern pattern, String description) {
            String value = value(column);
            if (value.isEmpty()) {
                if (required) {
                    problem(column, column + " is required");
                }
                return null;
            }
            if (pattern != null && !pattern.matcher(value).matches()) {
                problem(column, "'" + raw(column) + "' is not " + description);
                return null;
            }
            return value;
        }

        /** A number; never echoed back (a pay figure in an error would be pay in a response body). */
        BigDecimal number(String column, boolean required) {
            String value = value(column);
            if (value.isEmpty()) {
                if (required) {
                    problem(column, column + " is required");
                }
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(value);
                if (number.scale() > 4) {
                    number = number.setScale(4, java.math.RoundingMode.HALF_UP);
                }
                return number;
            } catch (NumberFormatException e) {
                problem(
                        column,
                        column + " is not a number (digits and one decimal point, no currency sign "
                                + "or thousands separator)");
                return null;
            }
        }

        LocalDate date(String column) {
            String value = value(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "'" + raw(column) + "' is not an ISO date (YYYY-MM-DD)");
                return null;
            }
        }
    }

    private static List<Line> csvLines(byte[] content, List<Problem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(firstBadLine(content), null, "the file is not UTF-8 text nor an XLSX workbook"));
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text)) {
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                long number = it.getParser().currentTokenLocation().getLineNr();
                if (Arrays.stream(cells).allMatch(String::isBlank)) {
                    continue;
                }
                lines.add(new Line(number, Arrays.asList(cells)));
            }
        } catch (IOException | RuntimeException e) {
            long at = lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number() + 1;
            problems.add(new Problem(at, null, "the CSV cannot be read from here on (a quote never closed?)"));
        }
        return lines;
    }

    private static long firstBadLine(byte[] content) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        long line = 1;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
                continue;
            }
            if ((content[i] & 0x80) != 0) {
                int length = (content[i] & 0xE0) == 0xC0 ? 2 : (content[i] & 0xF0) == 0xE0 ? 3 : 4;
                try {
                    decoder.reset().decode(ByteBuffer.wrap(content, i, Math.min(length, content.length - i)));
                    i += length - 1;
                } catch (CharacterCodingException e) {
                    return line;
                }
            }
        }
        return line;
    }

    private static List<Line> workbookLines(byte[] content, List<Problem> problems) {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        List<Line> lines = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                problems.add(new Problem(1, null, "the workbook has no sheet"));
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c), format));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                lines.add(new Line(row.getRowNum() + 1L, cells));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(1, null, "not a readable XLSX workbook"));
            return List.of();
        }
        return lines;
    }

    /** A cell as text: numbers in plain notation, dates as ISO dates, formulas by their cached value. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : BigDecimal.valueOf(cell.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case BLANK, ERROR, _NONE -> "";
            default -> format.formatCellValue(cell);
        };
    }
}
