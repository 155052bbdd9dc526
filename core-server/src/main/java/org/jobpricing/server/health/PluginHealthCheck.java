package org.jobpricing.server.health;

import com.codahale.metrics.health.HealthCheck;
import org.jobpricing.server.plugins.PluginCatalog;

/**
 * Readiness of one plugin: unhealthy when it could not start, its configuration is invalid, or a
 * source's last run failed or rejected rows. Pricing keeps serving the data stored before either way.
 */
public final class PluginHealthCheck extends HealthCheck {

    private final PluginCatalog catalog;
    private final String pluginId;

    public PluginHealthCheck(PluginCatalog catalog, String pluginId) {
        this.catalog = catalog;
        this.pluginId = pluginId;
    }

    @Override
    protected Result check() {
        return catalog.unhealthyBecause(pluginId).map(Result::unhealthy).orElseGet(() -> Result.healthy(pluginId));
    }
}
