package org.jobpricing.server.plugins;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import org.jobpricing.server.db.MarketJobDao;

/**
 * Which plugins an administrator turned off, kept in the database so it survives restarts and every
 * server sharing the database follows it.
 */
public final class PluginSwitches {

    private final MarketJobDao settings;
    private final Clock clock;

    public PluginSwitches(MarketJobDao settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Ids of the plugins turned off. */
    public Set<String> disabled() {
        return Set.copyOf(settings.disabledPlugins());
    }

    /** Turns a plugin on or off. */
    public void set(String pluginId, boolean enabled, String by) {
        settings.setPlugin(pluginId, enabled, by, Timestamp.from(clock.instant()));
    }
}
