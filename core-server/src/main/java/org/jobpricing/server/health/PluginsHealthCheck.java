package org.jobpricing.server.health;

import com.codahale.metrics.health.HealthCheck;
import org.jobpricing.server.plugins.PluginHost;

/** Unhealthy when a plugin in the plugins directory did not start; lists the started ones. */
public final class PluginsHealthCheck extends HealthCheck {

    private final PluginHost plugins;

    public PluginsHealthCheck(PluginHost plugins) {
        this.plugins = plugins;
    }

    @Override
    protected Result check() {
        var failed = plugins.failedPlugins();
        String started = String.join(", ", plugins.startedPlugins());
        return failed.isEmpty()
                ? Result.healthy("started: " + started)
                : Result.unhealthy("not started: " + String.join(", ", failed) + "; started: " + started);
    }
}
