package org.jobpricing.server.health;

import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.lifecycle.Managed;
import org.jobpricing.server.plugins.PluginCatalog;
import org.jobpricing.server.plugins.PluginHost;

/** Registers one readiness check per plugin ({@code plugin:<id>}) once the plugins are loaded. */
public final class PluginHealthChecks implements Managed {

    private final HealthCheckRegistry registry;
    private final PluginHost host;
    private final PluginCatalog catalog;

    public PluginHealthChecks(HealthCheckRegistry registry, PluginHost host, PluginCatalog catalog) {
        this.registry = registry;
        this.host = host;
        this.catalog = catalog;
    }

    @Override
    public void start() {
        host.plugins().forEach(p -> register(p.getPluginId()));
    }

    /** Adds the check of a plugin loaded later (scan); a no-op when it exists. */
    public void register(String pluginId) {
        if (!registry.getNames().contains("plugin:" + pluginId)) {
            registry.register("plugin:" + pluginId, new PluginHealthCheck(catalog, pluginId));
        }
    }
}
