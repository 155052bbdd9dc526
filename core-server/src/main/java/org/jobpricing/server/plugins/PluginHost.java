package org.jobpricing.server.plugins;

import io.dropwizard.lifecycle.Managed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
    private final Supplier<Set<String>> disabled;
    private final Map<String, List<String>> sourceNames = new ConcurrentHashMap<>();
    private PluginManager manager;

    /** A host for the jars of {@code directory}; plugins in {@code disabled} are loaded but not started. */
    public PluginHost(Path directory, Supplier<Set<String>> disabled) {
        this.directory = directory;
        this.disabled = disabled;
    }

    /** A market-data source and the plugin that provides it. */
    public record Source(String pluginId, MarketDataSource source) {}

    @Override
    public void start() {
        if (!Files.isDirectory(directory)) {
            LOG.warn("plugins directory {} does not exist; no plugins loaded", directory.toAbsolutePath());
        }
        manager = new DefaultPluginManager(directory);
        manager.setSystemVersion(MarketDataSource.API_VERSION);
        manager.loadPlugins();
        Set<String> off = disabled.get();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (off.contains(plugin.getPluginId())) {
                LOG.info("plugin {} is disabled; loaded, not started", plugin.getPluginId());
            } else {
                startAndLog(plugin.getPluginId());
            }
        }
    }

    private synchronized PluginState startAndLog(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin.getPluginState() != PluginState.STARTED
                && plugin.getPluginState() != PluginState.DISABLED
                && plugin.getPluginState() != PluginState.FAILED) {
            manager.startPlugin(pluginId);
        }
        if (plugin.getPluginState() == PluginState.STARTED) {
            sourceNames.put(
                    pluginId,
                    manager.getExtensions(MarketDataSource.class, pluginId).stream()
                            .map(MarketDataSource::name)
                            .toList());
            LOG.info("plugin {} {} started", pluginId, plugin.getDescriptor().getVersion());
        } else {
            LOG.error("plugin {} not started ({}): {}", pluginId, plugin.getPluginState(), problem(plugin));
        }
        return plugin.getPluginState();
    }

    /** Why a plugin is not running, in words. */
    static String problem(PluginWrapper plugin) {
        if (plugin.getFailedException() != null) {
            return plugin.getFailedException().getMessage();
        }
        if (plugin.getPluginState() == PluginState.DISABLED || plugin.getPluginState() == PluginState.FAILED) {
            return "requires plugin API " + plugin.getDescriptor().getRequires() + " but this server provides "
                    + MarketDataSource.API_VERSION;
        }
        return null;
    }

    /** The plugin of this id, if loaded. */
    public Optional<PluginWrapper> plugin(String pluginId) {
        return manager == null ? Optional.empty() : Optional.ofNullable(manager.getPlugin(pluginId));
    }

    /** Every loaded plugin, by id. */
    public List<PluginWrapper> plugins() {
        return manager == null
                ? List.of()
                : manager.getPlugins().stream()
                        .sorted(Comparator.comparing(PluginWrapper::getPluginId))
                        .toList();
    }

    /** Starts a plugin that was turned off; the state it reached. */
    public PluginState enable(String pluginId) {
        return startAndLog(pluginId);
    }

    /** Stops a plugin: its extensions stop being called until it is enabled again. */
    public synchronized PluginState disable(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin.getPluginState() == PluginState.STARTED) {
            manager.stopPlugin(pluginId);
            LOG.info("plugin {} stopped", pluginId);
        }
        return plugin.getPluginState();
    }

    /**
     * Reloads a plugin from its jar (e.g. after the jar was replaced) and starts it unless it is turned
     * off. Throws {@link IllegalStateException} naming the problem when the new jar cannot be loaded.
     */
    public synchronized PluginState reload(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        Path path = plugin.getPluginPath();
        manager.stopPlugin(pluginId);
        manager.unloadPlugin(pluginId);
        sourceNames.remove(pluginId);
        String id;
        try {
            id = manager.loadPlugin(path);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load " + path.getFileName() + ": " + e.getMessage(), e);
        }
        if (!id.equals(pluginId)) {
            LOG.warn("jar {} now holds plugin {} instead of {}", path.getFileName(), id, pluginId);
        }
        return disabled.get().contains(id) ? manager.getPlugin(id).getPluginState() : startAndLog(id);
    }

    /** Loads and starts jars added to the plugins directory since start; their plugin ids. */
    public synchronized List<String> scan() throws java.io.IOException {
        Set<Path> known = new HashSet<>();
        manager.getPlugins()
                .forEach(p -> known.add(p.getPluginPath().toAbsolutePath().normalize()));
        List<String> added = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return added;
        }
        try (var files = Files.list(directory)) {
            for (Path path : files.filter(
                            f -> f.toString().endsWith(".jar") || f.toString().endsWith(".zip"))
                    .sorted()
                    .toList()) {
                if (known.contains(path.toAbsolutePath().normalize())) {
                    continue;
                }
                try {
                    String id = manager.loadPlugin(path);
                    added.add(id);
                    if (!disabled.get().contains(id)) {
                        startAndLog(id);
                    }
                } catch (RuntimeException e) {
                    LOG.error("cannot load plugin jar {}: {}", path.getFileName(), e.getMessage());
                }
            }
        }
        return added;
    }

    /** Follows the on/off switches another server changed: stops plugins turned off, starts ones turned on. */
    public synchronized void follow(Set<String> off) {
        if (manager == null) {
            return;
        }
        for (PluginWrapper plugin : manager.getPlugins()) {
            boolean started = plugin.getPluginState() == PluginState.STARTED;
            if (started && off.contains(plugin.getPluginId())) {
                disable(plugin.getPluginId());
            } else if (!started
                    && !off.contains(plugin.getPluginId())
                    && (plugin.getPluginState() == PluginState.STOPPED
                            || plugin.getPluginState() == PluginState.RESOLVED)) {
                startAndLog(plugin.getPluginId());
            }
        }
    }

    /** True when a source of this name belongs to a plugin that is loaded but not started. */
    public boolean isDisabledSource(String name) {
        return sourceNames.entrySet().stream()
                .anyMatch(e -> e.getValue().contains(name)
                        && plugin(e.getKey())
                                .map(p -> p.getPluginState() != PluginState.STARTED)
                                .orElse(false));
    }

    /** The market-data sources of one started plugin. */
    public List<MarketDataSource> sourcesOf(String pluginId) {
        return manager.getExtensions(MarketDataSource.class, pluginId);
    }

    /** The job enrichers of one started plugin. */
    public List<JobEnricher> enrichersOf(String pluginId) {
        return manager.getExtensions(JobEnricher.class, pluginId);
    }

    /** The started source of this name, if any. */
    public Optional<Source> source(String name) {
        return marketDataSources().stream()
                .filter(s -> s.source().name().equals(name))
                .findFirst();
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
            List<String> names = new ArrayList<>();
            for (MarketDataSource source : manager.getExtensions(MarketDataSource.class, plugin.getPluginId())) {
                sources.add(new Source(plugin.getPluginId(), source));
                names.add(source.name());
            }
            sourceNames.put(plugin.getPluginId(), List.copyOf(names));
        }
        return sources;
    }

    /** A job writer (language model) and the plugin that provides it. */
    public record Writer(String pluginId, JobWriter writer) {}

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

    /** An occupation ranker (language model) and the plugin that provides it. */
    public record Ranker(String pluginId, org.jobpricing.plugin.api.OccupationRanker ranker) {}

    /** The occupation rankers of every started plugin. */
    public List<Ranker> rankers() {
        List<Ranker> rankers = new ArrayList<>();
        if (manager != null) {
            for (PluginWrapper plugin : manager.getStartedPlugins()) {
                manager.getExtensions(org.jobpricing.plugin.api.OccupationRanker.class, plugin.getPluginId())
                        .forEach(r -> rankers.add(new Ranker(plugin.getPluginId(), r)));
            }
        }
        return rankers;
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

    /** Ids of plugins found in the directory that could not run (failed or refused); turned-off ones are not failures. */
    public List<String> failedPlugins() {
        return manager == null
                ? List.of()
                : manager.getPlugins().stream()
                        .filter(p -> p.getPluginState() == PluginState.FAILED
                                || p.getPluginState() == PluginState.DISABLED
                                || p.getFailedException() != null)
                        .map(p -> p.getPluginId() + " (" + p.getPluginState() + ")")
                        .sorted()
                        .toList();
    }

    /** Ids of the plugins loaded but not running (turned off, failed or refused). */
    public List<String> stoppedPlugins() {
        return manager == null
                ? List.of()
                : manager.getPlugins().stream()
                        .filter(p -> p.getPluginState() != PluginState.STARTED)
                        .map(PluginWrapper::getPluginId)
                        .sorted()
                        .toList();
    }

    /** Ids of the started plugins. */
    public List<String> startedPlugins() {
        return manager == null
                ? List.of()
                : manager.getStartedPlugins().stream()
                        .map(PluginWrapper::getPluginId)
                        .sorted()
                        .toList();
    }
}
