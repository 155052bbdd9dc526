package org.jobpricing.server.plugins;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.ObservationChecks;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.server.api.RefreshResult;
import org.jobpricing.server.core.MarketDataService;
import org.jobpricing.server.http.BusinessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads market data from every plugin source. Each call runs with a timeout; every row is checked
 * and only valid rows are stored, one transaction per source. A failing source is reported and
 * the data stored before keeps serving.
 */
public final class MarketDataRefresher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(MarketDataRefresher.class);
    private static final int MAX_REPORTED_PROBLEMS = 50;

    private final PluginHost host;
    private final MarketDataService marketData;
    private final Map<String, Map<String, String>> pluginConfig;
    private final Duration timeout;
    private final boolean refreshOnStart;
    private final BusinessMetrics metrics;
    private final Clock clock;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "plugin-fetch");
        t.setDaemon(true);
        return t;
    });

    public MarketDataRefresher(PluginHost host, MarketDataService marketData,
                               Map<String, Map<String, String>> pluginConfig, Duration timeout,
                               boolean refreshOnStart, BusinessMetrics metrics, Clock clock) {
        this.host = host;
        this.marketData = marketData;
        this.pluginConfig = pluginConfig;
        this.timeout = timeout;
        this.refreshOnStart = refreshOnStart;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (refreshOnStart) {
            refresh().sources().forEach(s -> LOG.info("startup refresh {}/{}: {} ({} stored, {} rejected)",
                    s.plugin(), s.source(), s.status(), s.imported(), s.rejected()));
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }

    private final java.util.Map<String, List<RefreshResult.SourceRefresh>> lastByPlugin =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The last refresh of each source of a plugin (since this server started). */
    public List<RefreshResult.SourceRefresh> lastRefresh(String pluginId) {
        return lastByPlugin.getOrDefault(pluginId, List.of());
    }

    /** Refreshes every source; one source's failure never stops the others. */
    public synchronized RefreshResult refresh() {
        List<RefreshResult.SourceRefresh> results = new ArrayList<>();
        for (PluginHost.Source source : host.marketDataSources()) {
            RefreshResult.SourceRefresh result = refresh(source);
            metrics.refreshed(result.plugin(), result.source(), result.status(), clock.instant().getEpochSecond());
            results.add(result);
        }
        java.util.Map<String, List<RefreshResult.SourceRefresh>> byPlugin = new java.util.HashMap<>();
        results.forEach(r -> byPlugin.computeIfAbsent(r.plugin(), k -> new ArrayList<>()).add(r));
        lastByPlugin.putAll(byPlugin);
        return new RefreshResult(results);
    }

    private RefreshResult.SourceRefresh refresh(PluginHost.Source source) {
        String name = source.source().name();
        PluginContext context = PluginContext.of(source.pluginId(),
                pluginConfig.getOrDefault(source.pluginId(), Map.of()), clock);
        Future<FetchResult> call = executor.submit(() -> source.source().fetch(context, null));
        FetchResult fetched;
        try {
            fetched = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed(source, "timed out after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed(source, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted");
        }
        List<Problem> problems = new ArrayList<>(fetched.warnings());
        List<MarketObservation> valid = new ArrayList<>();
        int rejected = 0;
        int index = 0;
        for (MarketObservation o : fetched.observations()) {
            index++;
            List<Problem> rowProblems = o == null ? List.of(new Problem(0, null, "null row")) : ObservationChecks.check(o);
            if (rowProblems.isEmpty()) {
                valid.add(o);
            } else {
                rejected++;
                int row = index;
                rowProblems.forEach(p -> problems.add(new Problem(p.line(), p.column(), "row " + row + ": " + p.message())));
            }
        }
        if (!valid.isEmpty()) {
            marketData.store(valid, "plugin:" + source.pluginId());
        }
        return new RefreshResult.SourceRefresh(source.pluginId(), name, rejected == 0 ? "OK" : "PARTIAL",
                valid.size(), rejected, problems.stream().limit(MAX_REPORTED_PROBLEMS).toList());
    }

    private static RefreshResult.SourceRefresh failed(PluginHost.Source source, String why) {
        LOG.warn("market-data source {}/{} failed: {}", source.pluginId(), source.source().name(), why);
        return new RefreshResult.SourceRefresh(source.pluginId(), source.source().name(), "FAILED", 0, 0,
                List.of(new Problem(0, null, why)));
    }
}
