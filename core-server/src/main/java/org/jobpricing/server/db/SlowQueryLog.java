package org.jobpricing.server.db;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs statements slower than a threshold at WARN with their duration and SQL text (never the bound
 * values) and counts them in {@code db_slow_queries_total{statement}}; hooked into JDBI's
 * {@link SqlLogger} in front of the logger already installed (Dropwizard's per-statement timers).
 */
public final class SlowQueryLog implements SqlLogger {

    private static final Logger LOG = LoggerFactory.getLogger(SlowQueryLog.class);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_SQL_CHARS = 2000;
    private static final String OWN_PACKAGE = "org.jobpricing.";

    private final SqlLogger next;
    private final Duration threshold;
    private final Counter slowQueries;

    SlowQueryLog(SqlLogger next, Duration threshold, PrometheusRegistry registry) {
        this.next = next;
        this.threshold = threshold;
        this.slowQueries = Counter.builder()
                .name("db_slow_queries_total")
                .help("Statements slower than the slow-query threshold, by DAO method or calling code")
                .labelNames("statement")
                .register(registry);
    }

    /** Puts a slow-query log in front of {@code jdbi}'s current SQL logger; the metrics go to {@code registry}. */
    public static SlowQueryLog install(Jdbi jdbi, Duration threshold, PrometheusRegistry registry) {
        SqlLogger current = jdbi.getConfig(SqlStatements.class).getSqlLogger();
        SlowQueryLog log = new SlowQueryLog(current, threshold, registry);
        jdbi.setSqlLogger(log);
        return log;
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        next.logBeforeExecution(context);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        next.logAfterExecution(context);
        check(context, context.getCompletionMoment(), null);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        next.logException(context, ex);
        check(context, context.getExceptionMoment(), ex);
    }

    private void check(StatementContext context, Instant end, SQLException failure) {
        Instant start = context.getExecutionMoment();
        if (start == null || end == null) {
            return;
        }
        Duration took = Duration.between(start, end);
        if (took.compareTo(threshold) < 0) {
            return;
        }
        // only slow statements pay for naming them (the stack walk below)
        String statement = statementName(context);
        slowQueries.labelValues(statement).inc();
        LOG.warn(
                "slow query: {} ms (threshold {} ms){} [{}] {}",
                took.toMillis(),
                threshold.toMillis(),
                failure == null ? "" : ", failed with SQL state " + failure.getSQLState(),
                statement,
                sql(context));
    }

    /**
     * A bounded name for the metric label: the SqlObject method ({@code QuoteDao.insert}), else the first
     * method of our own code on the stack ({@code MarketDataCache.version}), else {@code other}.
     */
    static String statementName(StatementContext context) {
        ExtensionMethod method = context.getExtensionMethod();
        if (method != null) {
            return method.getType().getSimpleName() + "." + method.getMethod().getName();
        }
        Optional<String> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f ->
                                f.getClassName().startsWith(OWN_PACKAGE) && f.getDeclaringClass() != SlowQueryLog.class)
                        .map(f -> simpleName(f.getDeclaringClass()) + "." + methodName(f.getMethodName()))
                        .findFirst());
        return caller.orElse("other");
    }

    /** {@code lambda$version$3} (a lambda's body) is named after the method it was written in. */
    private static String methodName(String name) {
        if (name.startsWith("lambda$")) {
            int end = name.indexOf('$', "lambda$".length());
            return end > 0 ? name.substring("lambda$".length(), end) : name;
        }
        return name;
    }

    private static String simpleName(Class<?> type) {
        Class<?> outer = type;
        while (outer.getSimpleName().isEmpty() && outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer.getSimpleName().isEmpty()
                ? type.getName().substring(type.getName().lastIndexOf('.') + 1)
                : outer.getSimpleName();
    }

    /** The statement's SQL as written, with its :named parameters: the values are in the binding, not here. */
    private static String sql(StatementContext context) {
        String sql = context.getRenderedSql() != null ? context.getRenderedSql() : context.getRawSql();
        if (sql == null) {
            return "";
        }
        String oneLine = SPACES.matcher(sql).replaceAll(" ").strip();
        return oneLine.length() <= MAX_SQL_CHARS ? oneLine : oneLine.substring(0, MAX_SQL_CHARS) + " …";
    }
}
