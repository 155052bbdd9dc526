package org.jobpricing.server.config;

/** Deployment mode. */
public enum Mode {
    DEVELOPMENT,
    PRODUCTION;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Mode of(String value) {
        return Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
