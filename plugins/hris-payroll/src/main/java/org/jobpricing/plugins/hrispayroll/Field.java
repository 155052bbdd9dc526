package org.jobpricing.plugins.hrispayroll;

import java.util.Arrays;
import java.util.List;

/** The fields of a payroll export row, with their CSV column and JSON property names. */
enum Field {
    EMPLOYEE_ID("employee_id", "employeeId"),
    JOB_CODE("job_code", "jobCode"),
    LEVEL("level", "level"),
    LOCATION("location", "location"),
    BASE_PAY("base_pay", "basePay"),
    CURRENCY("currency", "currency"),
    PERIOD("period", "period");

    /** The CSV header, in column order. */
    static final List<String> CSV_HEADER =
            Arrays.stream(values()).map(f -> f.csvName).toList();

    final String csvName;
    final String jsonName;

    Field(String csvName, String jsonName) {
        this.csvName = csvName;
        this.jsonName = jsonName;
    }
}
