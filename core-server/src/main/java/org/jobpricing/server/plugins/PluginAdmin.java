package org.jobpricing.server.plugins;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.server.api.PluginView;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InternalFailureException;
import org.jobpricing.server.failures.StateConflictException;
import org.jobpricing.server.failures.UnusableException;
import org.pf4j.PluginState;

/** Turns plugins on and off, reloads them and tests their sources; every change is audited. */
public final class PluginAdmin {

    /** The connection test of one source. */
    public record SourceCheck(String source, CheckResult result) {}

    private final PluginHost host;
    private final PluginCatalog catalog;
    private final PluginSwitches switches;
    private final MarketDataJobs jobs;
    private final AuditLog audit;

    public PluginAdmin(
            PluginHost host, PluginCatalog catalog, PluginSwitches switches, MarketDataJobs jobs, AuditLog audit) {
        this.host = host;
        this.catalog = catalog;
        this.switches = switches;
        this.jobs = jobs;
        this.audit = audit;
    }

    public PluginView view(String id) {
        return catalog.get(id).orElseThrow(() -> new EntityNotFoundException("plugin", "id", id));
    }

    public PluginView enable(String id, String by, AuditLog.Origin origin) {
        requireLoaded(id);
        switches.set(id, true, by);
        PluginState state = host.enable(id);
        if (state != PluginState.STARTED) {
            String why = "plugin " + id + " is turned on but could not start (" + state + "): "
                    + host.plugin(id).map(PluginHost::problem).orElse("unknown");
            audit.failure(by, "plugin.enable", id, origin, why);
            throw new StateConflictException(
                    "PLUGIN_NOT_STARTED", why, List.of(new FieldError("id", "could not start")));
        }
        audit.success(by, "plugin.enable", id, origin, "started");
        return view(id);
    }

    public PluginView disable(String id, String by, AuditLog.Origin origin) {
        requireLoaded(id);
        switches.set(id, false, by);
        host.disable(id);
        audit.success(by, "plugin.disable", id, origin, "stopped; schedules skip it on every server");
        return view(id);
    }

    public PluginView reload(String id, String by, AuditLog.Origin origin) {
        requireLoaded(id);
        try {
            PluginState state = host.reload(id);
            audit.success(by, "plugin.reload", id, origin, "reloaded: " + state);
        } catch (IllegalStateException e) {
            audit.failure(by, "plugin.reload", id, origin, e.getMessage());
            throw new UnusableException(
                    "PLUGIN_NOT_LOADED", e.getMessage(), List.of(new FieldError("id", "could not be reloaded")));
        }
        return catalog.get(id)
                .orElseThrow(() -> new UnusableException(
                        "PLUGIN_NOT_LOADED",
                        "the jar of plugin " + id + " no longer holds that plugin",
                        List.of(new FieldError("id", "is no longer in its jar"))));
    }

    public List<PluginView> scan(String by, AuditLog.Origin origin) {
        try {
            List<String> added = host.scan();
            audit.success(by, "plugin.scan", "plugins", origin, added.isEmpty() ? "no new jars" : "loaded " + added);
            return added.stream().map(this::view).toList();
        } catch (IOException e) {
            audit.failure(by, "plugin.scan", "plugins", origin, e.getMessage());
            throw new InternalFailureException(
                    "PLUGINS_DIRECTORY_UNREADABLE", "cannot read the plugins directory: " + e.getMessage(), List.of());
        }
    }

    /** Runs the connection test of every source of a started plugin. */
    public List<SourceCheck> check(String id, String by, AuditLog.Origin origin) {
        requireLoaded(id);
        if (host.plugin(id).map(p -> p.getPluginState() != PluginState.STARTED).orElse(true)) {
            throw new StateConflictException(
                    "PLUGIN_NOT_STARTED",
                    "plugin " + id + " is not running; enable it first",
                    List.of(new FieldError("id", "is not running")));
        }
        List<SourceCheck> checks = new ArrayList<>();
        for (MarketDataSource source : host.sourcesOf(id)) {
            checks.add(new SourceCheck(source.name(), jobs.check(new PluginHost.Source(id, source))));
        }
        audit.success(
                by,
                "plugin.check",
                id,
                origin,
                checks.stream()
                        .map(c -> c.source()
                                + (c.result().ok()
                                        ? " ok"
                                        : " failed: " + c.result().message()))
                        .collect(java.util.stream.Collectors.joining("; ")));
        return checks;
    }

    private void requireLoaded(String id) {
        if (host.plugin(id).isEmpty()) {
            throw new EntityNotFoundException("plugin", "id", id);
        }
    }
}
