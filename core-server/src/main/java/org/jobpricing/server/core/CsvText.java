package org.jobpricing.server.core;

import java.math.BigDecimal;

/** The cells of the CSV files the engine writes (exports, batch results): one escaping, one formula guard. */
public final class CsvText {

    private CsvText() {}

    /** A value as a CSV cell: empty for null, decimals in plain notation, quoted when it must be. */
    public static String cell(Object value) {
        String text = value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    /**
     * Text a person typed, as a cell a spreadsheet will not run as a formula: a leading = + - @, tab or
     * carriage return is prefixed with an apostrophe (a plain number is left as it is).
     */
    public static String textCell(String value) {
        String text = value == null ? "" : value;
        boolean formula = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+");
        return cell(formula ? "'" + text : text);
    }
}
