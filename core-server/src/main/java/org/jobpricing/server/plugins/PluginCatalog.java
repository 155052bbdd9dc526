package org.jobpricing.server.plugins;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.server.api.MarketDataJobView;
import org.jobpricing.server.api.PluginView;
import org.jobpricing.server.db.MarketJobDao;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Describes the plugins for people and health checks: state, health, sources with schedule and last run.
 * A source missing a required setting is "not configured" (skipped by refreshes and schedules), which
 * alone does not make its plugin unhealthy; a setting present but invalid does.
 */
public final class PluginCatalog {

    private final PluginHost host;
    private final MarketDataJobs jobs;
    private final RefreshScheduler scheduler;
    private final PluginSwitches switches;
    private final Map<String, Map<String, String>> pluginConfig;

    public PluginCatalog(
            PluginHost host,
            MarketDataJobs jobs,
            RefreshScheduler scheduler,
            PluginSwitches switches,
            Map<String, Map<String, String>> pluginConfig) {
        this.host = host;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.switches = switches;
        this.pluginConfig = pluginConfig;
    }

    public List<PluginView> list() {
        Set<String> off = switches.disabled();
        return host.plugins().stream().map(p -> view(p, off)).toList();
    }

    public Optional<PluginView> get(String pluginId) {
        return host.plugin(pluginId).map(p -> view(p, switches.disabled()));
    }

    private PluginView view(PluginWrapper p, Set<String> off) {
        String id = p.getPluginId();
        boolean started = p.getPluginState() == PluginState.STARTED;
        List<PluginView.SourceView> sources = new ArrayList<>();
        List<String> enrichers = new ArrayList<>();
        List<String> writers = new ArrayList<>();
        List<String> rankers = new ArrayList<>();
        if (started) {
            Map<String, MarketDataJobView> lastRuns = new java.util.HashMap<>();
            jobs.lastRuns(id).forEach(r -> lastRuns.put(r.source(), r));
            for (MarketDataSource source : host.sourcesOf(id)) {
                sources.add(source(id, source, lastRuns.get(source.name())));
            }
            host.enrichersOf(id).forEach(e -> enrichers.add(e.name()));
            host.writers().stream()
                    .filter(w -> w.pluginId().equals(id))
                    .forEach(w -> writers.add(w.writer().name()));
            host.rankers().stream()
                    .filter(r -> r.pluginId().equals(id))
                    .forEach(r -> rankers.add(r.ranker().name()));
        }
        String health = health(p, off.contains(id), sources);
        return new PluginView(
                id,
                p.getDescriptor().getVersion(),
                p.getDescriptor().getRequires(),
                MarketDataSource.API_VERSION,
                p.getDescriptor().getProvider(),
                !off.contains(id),
                p.getPluginState().toString(),
                health,
                PluginHost.problem(p),
                sources,
                enrichers,
                writers,
                rankers);
    }

    private PluginView.SourceView source(String pluginId, MarketDataSource source, MarketDataJobView lastRun) {
        String name = source.name();
        Optional<MarketJobDao.StateRow> state = jobs.state(pluginId, name);
        List<ConfigField> schema = source.configSchema();
        return new PluginView.SourceView(
                name,
                source.description(),
                String.valueOf(source.type()),
                schema,
                ConfigField.validate(schema, jobs.context(pluginId).config()),
                scheduler.schedule(name).orElse(null),
                scheduler.nextRun(name).orElse(null),
                state.map(MarketJobDao.StateRow::lastSuccessAt)
                        .map(Timestamp::toInstant)
                        .orElse(null),
                state.map(MarketJobDao.StateRow::cursorValue).orElse(null),
                lastRun);
    }

    private static String health(PluginWrapper p, boolean off, List<PluginView.SourceView> sources) {
        if (p.getPluginState() == PluginState.FAILED
                || p.getPluginState() == PluginState.DISABLED
                || p.getFailedException() != null) {
            return "FAILED";
        }
        if (off || p.getPluginState() != PluginState.STARTED) {
            return "OFF";
        }
        boolean unhealthy = sources.stream()
                .anyMatch(s ->
                        s.configProblems().stream().anyMatch(c -> !c.message().startsWith("is required"))
                                || (s.lastRun() != null
                                        && ("FAILED".equals(s.lastRun().status())
                                                || "PARTIAL".equals(s.lastRun().status()))));
        return unhealthy ? "UNHEALTHY" : "HEALTHY";
    }

    /** Why a plugin is not healthy, in one line; empty when it is. */
    public Optional<String> unhealthyBecause(String pluginId) {
        return get(pluginId).flatMap(v -> switch (v.health()) {
            case "HEALTHY", "OFF" -> Optional.empty();
            case "FAILED" -> Optional.of("not started: " + v.problem());
            default ->
                Optional.of(String.join(
                        "; ",
                        v.sources().stream()
                                .map(PluginCatalog::sourceTrouble)
                                .filter(s -> !s.isEmpty())
                                .toList()));
        });
    }

    private static String sourceTrouble(PluginView.SourceView s) {
        var invalid = s.configProblems().stream()
                .filter(c -> !c.message().startsWith("is required"))
                .findFirst();
        if (invalid.isPresent()) {
            return s.name() + ": configuration invalid (" + invalid.get() + ")";
        }
        if (s.lastRun() != null && !"OK".equals(s.lastRun().status())) {
            return s.name() + ": last run " + s.lastRun().status()
                    + (s.lastRun().problems().isEmpty()
                            ? ""
                            : " (" + s.lastRun().problems().get(0) + ")");
        }
        return "";
    }
}
