package org.jobpricing.server.http;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.helpers.NOPAppender;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;
import io.dropwizard.logging.common.filter.LevelFilterFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.logging.common.layout.LayoutFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.TimeZone;

/**
 * The access log on the console, cheap per request: a line is formatted on the request's thread from the few
 * fields its layout reads, and written by a background thread ({@link FormattedLineAppender}). Dropwizard's
 * console appender copies every header, cookie and attribute of each request before queueing it (half the
 * cost of a bare request here), and does so for an appender switched off by its threshold too; an appender
 * whose threshold lets no access line through is not built at all.
 *
 * <p>An access line counts as INFO: it is written when {@code threshold} is INFO or lower (ALL, TRACE, DEBUG)
 * and not for WARN, ERROR, OFF or an unknown name.
 */
@JsonTypeName("access-console")
public class AccessConsoleAppenderFactory implements AppenderFactory<IAccessEvent> {

    @NotNull
    private String threshold = "ALL";

    @NotNull
    private DiscoverableLayoutFactory<IAccessEvent> layout = new RedactedAccessLayout();

    @Min(1)
    @Max(1_000_000)
    private int queueSize = 8192;

    private TimeZone timeZone = TimeZone.getTimeZone("UTC");

    @JsonProperty
    public String getThreshold() {
        return threshold;
    }

    @JsonProperty
    public void setThreshold(String threshold) {
        this.threshold = threshold;
    }

    @JsonProperty
    public DiscoverableLayoutFactory<IAccessEvent> getLayout() {
        return layout;
    }

    @JsonProperty
    public void setLayout(DiscoverableLayoutFactory<IAccessEvent> layout) {
        this.layout = layout;
    }

    @JsonProperty
    public int getQueueSize() {
        return queueSize;
    }

    @JsonProperty
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    @JsonProperty
    public TimeZone getTimeZone() {
        return timeZone;
    }

    @JsonProperty
    public void setTimeZone(TimeZone timeZone) {
        this.timeZone = timeZone;
    }

    /** Whether access lines pass under this threshold. */
    public boolean passes() {
        return Level.INFO.isGreaterOrEqual(Level.toLevel(threshold, Level.OFF));
    }

    @Override
    public Appender<IAccessEvent> build(
            LoggerContext context,
            String applicationName,
            LayoutFactory<IAccessEvent> defaultLayout,
            LevelFilterFactory<IAccessEvent> levelFilterFactory,
            AsyncAppenderFactory<IAccessEvent> asyncAppenderFactory) {
        if (!passes()) {
            NOPAppender<IAccessEvent> off = new NOPAppender<>();
            off.setName("access-console off (" + threshold + ")");
            off.setContext(context);
            off.start();
            return off;
        }
        LayoutBase<IAccessEvent> lines = layout.build(context, timeZone);
        lines.start();
        FormattedLineAppender<IAccessEvent> appender = new FormattedLineAppender<>(lines, System.out, queueSize);
        appender.setName("access-console");
        appender.setContext(context);
        appender.start();
        return appender;
    }
}
