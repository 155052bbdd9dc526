package org.jobpricing.server.http;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.Level;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.filter.FilterFactory;
import jakarta.validation.constraints.NotNull;

/**
 * Lets a log threshold switch a request-log appender on or off. Dropwizard ignores {@code threshold} on
 * request-log appenders (access events have no level), so without this both access logs, text and JSON,
 * wrote every request whatever LOG_TEXT_THRESHOLD and LOG_JSON_THRESHOLD said. An access line counts as
 * INFO: it is written when the threshold is INFO or lower, and dropped (before it is formatted) for WARN,
 * ERROR or OFF.
 */
@JsonTypeName("log-threshold")
public class AccessLogThreshold implements FilterFactory<IAccessEvent> {

    @NotNull
    private String threshold = "ALL";

    public String getThreshold() {
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold;
    }

    /** Whether access lines pass under this threshold. */
    public boolean passes() {
        return Level.INFO.isGreaterOrEqual(Level.toLevel(threshold, Level.OFF));
    }

    @Override
    public Filter<IAccessEvent> build() {
        FilterReply reply = passes() ? FilterReply.NEUTRAL : FilterReply.DENY;
        Filter<IAccessEvent> filter = new Filter<>() {
            @Override
            public FilterReply decide(IAccessEvent event) {
                return reply;
            }
        };
        filter.setName("log-threshold " + threshold);
        filter.start();
        return filter;
    }
}
