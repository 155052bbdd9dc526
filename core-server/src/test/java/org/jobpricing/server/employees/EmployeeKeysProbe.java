package org.jobpricing.server.employees;

/** The keyed hash a test server stores for an employee id, computed as the server does. */
final class EmployeeKeysProbe {

    private EmployeeKeysProbe() {}

    static String key(String secret, String employeeId) {
        return new EmployeeKeys(secret).of(employeeId);
    }
}
