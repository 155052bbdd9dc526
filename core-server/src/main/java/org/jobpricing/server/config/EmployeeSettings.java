package org.jobpricing.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Employee pay data. */
public class EmployeeSettings {
    /** With a key, employee ids are stored only as their HMAC-SHA256 under it (EMPLOYEE_ID_KEY). */
    @JsonProperty
    private String idKey = "";

    public String getIdKey() {
        return idKey;
    }
}
