package org.jobpricing.server.plugins;

import io.dropwizard.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.plugin.api.JobEnricher;
import org.jobpricing.plugin.api.JobWriter;
import org.jobpricing.plugin.api.MarketDataSource;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugin jars of the configured directory with PF4J when the server starts and stops them
 * when it stops. A plugin that fails to load is logged and left out; it never stops the server.
 */
public final class PluginHost implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final Path directory;
    private PluginManager manager;

    public PluginHost(Path directory) {
        this.directory = directory;
    }

    /** A market-data source and the plugin that provides it. */
    public record Source(String pluginId, MarketDataSource source) {
    }

    @Override
    public void start() {
        if (!Files.isDirectory(directory)) {
            LOG.warn("plugins directory {} does not exist; no plugins loaded", directory.toAbsolutePath());
        }
        manager = new DefaultPluginManager(directory);
        manager.setSystemVersion(MarketDataSource.API_VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() == PluginState.STARTED) {
                LOG.info("plugin {} {} started", plugin.getPluginId(), plugin.getDescriptor().getVersion());
            } else {
                LOG.error("plugin {} not started ({}): {}", plugin.getPluginId(), plugin.getPluginState(),
                        plugin.getFailedException() == null ? "see above" : plugin.getFailedException().getMessage());
            }
        }
    }

    @Override
    public void stop() {
        if (manager != null) {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    /** The market-data sources of every started plugin. */
    public List<Source> marketDataSources() {
        List<Source> sources = new ArrayList<>();
        if (manager == null) {
            return sources;
        }
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            for (MarketDataSource source : manager.getExtensions(MarketDataSource.class, plugin.getPluginId())) {
                sources.add(new Source(plugin.getPluginId(), source));
            }
        }
        return sources;
    }

    /** A job writer (language model) and the plugin that provides it. */
    public record Writer(String pluginId, JobWriter writer) {
    }

    /** The job writers of every started plugin. */
    public List<Writer> writers() {
        List<Writer> writers = new ArrayList<>();
        if (manager != null) {
            for (PluginWrapper plugin : manager.getStartedPlugins()) {
                manager.getExtensions(JobWriter.class, plugin.getPluginId())
                        .forEach(w -> writers.add(new Writer(plugin.getPluginId(), w)));
            }
        }
        return writers;
    }

    /** The job enrichers of every started plugin (occupation matching, skill extraction). */
    public List<JobEnricher> enrichers() {
        List<JobEnricher> enrichers = new ArrayList<>();
        if (manager != null) {
            for (PluginWrapper plugin : manager.getStartedPlugins()) {
                enrichers.addAll(manager.getExtensions(JobEnricher.class, plugin.getPluginId()));
            }
        }
        return enrichers;
    }

    /** Every plugin found in the directory, started or not, with the extensions it provides. */
    public List<org.jobpricing.server.api.PluginView> describe(
            java.util.function.Function<String, List<org.jobpricing.server.api.RefreshResult.SourceRefresh>> lastRefresh) {
        if (manager == null) {
            return List.of();
        }
        return manager.getPlugins().stream().sorted(java.util.Comparator.comparing(PluginWrapper::getPluginId)).map(p -> {
            boolean started = p.getPluginState() == PluginState.STARTED;
            List<String> sources = started ? manager.getExtensions(MarketDataSource.class, p.getPluginId()).stream()
                    .map(MarketDataSource::name).toList() : List.of();
            List<String> enrichers = started ? manager.getExtensions(JobEnricher.class, p.getPluginId()).stream()
                    .map(JobEnricher::name).toList() : List.of();
            return new org.jobpricing.server.api.PluginView(p.getPluginId(), p.getDescriptor().getVersion(),
                    p.getDescriptor().getRequires(), p.getDescriptor().getProvider(), p.getPluginState().toString(),
                    p.getFailedException() == null ? null : p.getFailedException().getMessage(), sources, enrichers,
                    lastRefresh.apply(p.getPluginId()));
        }).toList();
    }

    /** Ids of plugins found in the directory that are not running (failed, disabled or refused). */
    public List<String> failedPlugins() {
        return manager == null ? List.of() : manager.getPlugins().stream()
                .filter(p -> p.getPluginState() != PluginState.STARTED)
                .map(p -> p.getPluginId() + " (" + p.getPluginState() + ")").sorted().toList();
    }

    /** Ids of the started plugins. */
    public List<String> startedPlugins() {
        return manager == null ? List.of()
                : manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).sorted().toList();
    }
}
