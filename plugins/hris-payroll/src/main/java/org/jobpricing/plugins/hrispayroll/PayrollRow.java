package org.jobpricing.plugins.hrispayroll;

/**
 * One row of an export as read, unchecked: the file, the 1-based line where the row starts, whether
 * the file is JSON (which names fields in camelCase), and the values by {@link Field} (null when empty).
 */
record PayrollRow(String file, long line, boolean json, String[] values) {

    String get(Field field) {
        return values[field.ordinal()];
    }

    /** The field's name as the file spells it, for warnings. */
    String name(Field field) {
        return json ? field.jsonName : field.csvName;
    }

    /** Where the row is, for warnings: never its values. */
    String where() {
        return file + " line " + line;
    }
}
