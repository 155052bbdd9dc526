package org.jobpricing.server.employees;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid roster line: who (the employee id as given, never stored in clear when a key is set),
 * what job where, and what pay. No name: a roster carries none.
 */
public record RosterRow(
        long line,
        String employeeId,
        String occupationCode,
        String jobCode,
        String jobFamily,
        String level,
        String grade,
        String country,
        String area,
        String currency,
        String period,
        BigDecimal basePay,
        BigDecimal variablePay,
        LocalDate hireDate,
        String gender,
        BigDecimal fte) {}
