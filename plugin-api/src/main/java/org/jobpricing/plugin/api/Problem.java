package org.jobpricing.plugin.api;

/**
 * A reason a row of input was rejected. {@code line} is 1-based in the file it came from, or 0
 * when the row did not come from a file; {@code column} names the field.
 */
public record Problem(long line, String column, String message) {

    /** The same problem, placed at a line of a file. */
    public Problem atLine(long lineNumber) {
        return new Problem(lineNumber, column, message);
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + (column == null ? "" : column + ": ") + message;
    }
}
