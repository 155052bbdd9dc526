package org.jobpricing.plugin.api;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** What the host gives a market-data source: its own configuration and a clock, nothing more. */
public interface SourceContext {

    /** The id of the plugin being called. */
    String pluginId();

    /** This plugin's configuration (keys without the plugin-id prefix). */
    Map<String, String> config();

    /** The host's clock; use it instead of the system clock so tests can fix time. */
    Clock clock();

    /**
     * A context of a plugin's id, configuration and clock: what the host passes, and what plugin tests
     * use. Keys without a value (an empty setting in config.yml) are left out, i.e. unset.
     */
    static SourceContext of(String pluginId, Map<String, String> config, Clock clock) {
        record Fixed(String pluginId, Map<String, String> config, Clock clock) implements SourceContext {
        }
        Map<String, String> values = new java.util.HashMap<>();
        config.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        return new Fixed(pluginId, Map.copyOf(values), clock);
    }

    /** One configuration value. */
    default Optional<String> get(String key) {
        return Optional.ofNullable(config().get(key)).filter(v -> !v.isBlank());
    }
}
