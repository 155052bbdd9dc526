package org.jobpricing.server.http;

import ch.qos.logback.access.common.PatternLayout;
import ch.qos.logback.access.common.pattern.AccessConverter;
import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * The text access log (Dropwizard's usual line) with the value of any token-like query parameter
 * replaced by {@code ***}: a token sent in a URL is refused, and must not reach the log either.
 */
@JsonTypeName("access-redacted")
public final class RedactedAccessLayout implements DiscoverableLayoutFactory<IAccessEvent> {

    private static final Pattern SECRET =
            Pattern.compile("(?i)((?:^|&)(?:access_token|refresh_token|id_token|token|password)=)[^&]*");

    @Override
    public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
        PatternLayout layout = new PatternLayout();
        layout.getInstanceConverterMap().put("redactedRequest", RequestLine::new);
        layout.setOutputPatternAsHeader(false);
        layout.setPattern("%h %l %u [%t{dd/MMM/yyyy:HH:mm:ss Z," + timeZone.getID()
                + "}] \"%redactedRequest\" %s %b \"%i{Referer}\" \"%i{User-Agent}\" %D");
        layout.setContext(context);
        return layout;
    }

    /** The query string with secrets masked; null stays null. */
    static String redact(String query) {
        return query == null ? null : SECRET.matcher(query).replaceAll("$1***");
    }

    /** {@code %r} with the query string redacted: method, path and query, protocol. */
    public static final class RequestLine extends AccessConverter {
        @Override
        public String convert(IAccessEvent event) {
            // logback-access gives the query string with its leading '?'
            String raw = event.getQueryString();
            String query = redact(raw != null && raw.startsWith("?") ? raw.substring(1) : raw);
            return event.getMethod() + " " + event.getRequestURI()
                    + (query == null || query.isEmpty() ? "" : "?" + query) + " " + event.getProtocol();
        }
    }
}
