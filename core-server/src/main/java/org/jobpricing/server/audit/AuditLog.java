package org.jobpricing.server.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jobpricing.server.api.AuditEventView;
import org.jobpricing.server.db.AuditDao;
import org.jobpricing.server.failures.DomainException;

/**
 * Records who did what, from where, and whether it worked. Callers pass details that never contain
 * a password or token.
 */
public final class AuditLog {

    /** Where a request came from. */
    public record Origin(String ip, String userAgent) {
        public static final Origin INTERNAL = new Origin(null, "job-pricing");
    }

    private final AuditDao events;
    private final Clock clock;

    public AuditLog(AuditDao events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(String actor, String action, String resource, String outcome, Origin origin, String details) {
        AuditDao.EventRow row = new AuditDao.EventRow(
                null,
                Timestamp.from(clock.instant()),
                actor,
                action,
                truncate(resource, 300),
                outcome,
                origin.ip(),
                truncate(origin.userAgent(), 300),
                truncate(details, 2000));
        events.insert(row);
    }

    public void success(String actor, String action, String resource, Origin origin, String details) {
        record(actor, action, resource, "SUCCESS", origin, details);
    }

    public void failure(String actor, String action, String resource, Origin origin, String details) {
        record(actor, action, resource, "FAILURE", origin, details);
    }

    /**
     * Runs a change and audits its outcome: success with {@code details} of the result, or failure with the
     * domain failure's message (then rethrown).
     */
    public <T> T audited(
            String actor,
            String action,
            String resource,
            Origin origin,
            Supplier<T> change,
            Function<T, String> details) {
        T result;
        try {
            result = change.get();
        } catch (DomainException e) {
            failure(actor, action, resource, origin, e.getMessage());
            throw e;
        }
        success(actor, action, resource, origin, details.apply(result));
        return result;
    }

    public List<AuditEventView> find(String actor, String action, Instant from, Instant to, int limit, int offset) {
        return events.find(actor, action, Timestamp.from(from), Timestamp.from(to), limit, offset).stream()
                .map(r -> new AuditEventView(
                        r.id(),
                        r.at().toInstant(),
                        r.actor(),
                        r.action(),
                        r.resource(),
                        r.outcome(),
                        r.ip(),
                        r.userAgent(),
                        r.details()))
                .toList();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
