package org.jobpricing.server.plugins;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.server.db.MarketJobDao;

/**
 * Which plugins an administrator turned off, kept in the database so it survives restarts and every
 * server sharing the database follows it.
 */
public final class PluginSwitches {

    private final Jdbi jdbi;
    private final Clock clock;

    public PluginSwitches(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Ids of the plugins turned off. */
    public Set<String> disabled() {
        return Set.copyOf(jdbi.withExtension(MarketJobDao.class, MarketJobDao::disabledPlugins));
    }

    /** Turns a plugin on or off. */
    public void set(String pluginId, boolean enabled, String by) {
        jdbi.useTransaction(h -> {
            MarketJobDao dao = h.attach(MarketJobDao.class);
            dao.clearSetting(pluginId);
            dao.insertSetting(pluginId, enabled, by, Timestamp.from(clock.instant()));
        });
    }
}
