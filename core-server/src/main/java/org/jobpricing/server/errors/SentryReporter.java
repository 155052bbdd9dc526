package org.jobpricing.server.errors;

import io.dropwizard.lifecycle.Managed;
import io.sentry.Sentry;
import io.sentry.protocol.User;

/**
 * Sends unexpected errors to Sentry (its Java SDK) with the request id and user id; request bodies,
 * headers and personal data are never attached.
 */
public final class SentryReporter implements ErrorReporter, Managed {

    private final String dsn;
    private final String environment;

    public SentryReporter(String dsn, String environment) {
        this.dsn = dsn;
        this.environment = environment;
    }

    @Override
    public void start() {
        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setEnvironment(environment);
            options.setSendDefaultPii(false);
            options.setAttachStacktrace(true);
            options.setBeforeSend((event, hint) -> {
                event.setRequest(null);
                return event;
            });
        });
    }

    @Override
    public void report(Throwable error, String requestId, String userId, String logId) {
        Sentry.withScope(scope -> {
            if (requestId != null) {
                scope.setTag("request_id", requestId);
            }
            scope.setTag("log_id", logId);
            if (userId != null) {
                User user = new User();
                user.setId(userId);
                scope.setUser(user);
            }
            Sentry.captureException(error);
        });
    }

    @Override
    public void stop() {
        Sentry.flush(2_000);
        Sentry.close();
    }
}
