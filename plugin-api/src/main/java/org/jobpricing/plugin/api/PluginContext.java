package org.jobpricing.plugin.api;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the host gives a plugin on every call: its own configuration (namespaced by plugin id), a clock,
 * an HTTP client that retries politely, and a logger. Nothing of the server's internals.
 */
public interface PluginContext {

    /** The id of the plugin being called. */
    String pluginId();

    /** This plugin's configuration (the {@code plugins.config.<plugin id>} map, keys without prefix). */
    Map<String, String> config();

    /** The host's clock; use it instead of the system clock so tests can fix time. */
    Clock clock();

    /** An HTTP client for the plugin's own calls; retries 429 and 5xx with backoff and Retry-After. */
    PluginHttp http();

    /** A logger named {@code plugin.<id>}; never log secrets or individual pay. */
    Logger logger();

    /**
     * A context of a plugin's id, configuration and clock with the default HTTP client and logger:
     * what the host passes, and what plugin tests use. Keys without a value (an empty setting in
     * config.yml) are left out, i.e. unset.
     */
    static PluginContext of(String pluginId, Map<String, String> config, Clock clock) {
        return of(pluginId, config, clock, PluginHttp.standard());
    }

    /** The same with a given HTTP client (e.g. one with short retry delays in tests). */
    static PluginContext of(String pluginId, Map<String, String> config, Clock clock, PluginHttp http) {
        record Fixed(String pluginId, Map<String, String> config, Clock clock, PluginHttp http, Logger logger)
                implements PluginContext {}
        Map<String, String> values = new HashMap<>();
        config.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        return new Fixed(pluginId, Map.copyOf(values), clock, http, LoggerFactory.getLogger("plugin." + pluginId));
    }

    /** One configuration value; blank counts as unset. */
    default Optional<String> get(String key) {
        return Optional.ofNullable(config().get(key)).filter(v -> !v.isBlank());
    }
}
