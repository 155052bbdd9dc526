package org.jobpricing.server.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jobpricing.server.api.PluginView;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.plugins.MarketDataRefresher;
import org.jobpricing.server.plugins.PluginHost;

/** The plugins of the plugins directory: state, API range, extensions and last refresh. */
@Path("/api/v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    private final PluginHost plugins;
    private final MarketDataRefresher refresher;

    public PluginResource(PluginHost plugins, MarketDataRefresher refresher) {
        this.plugins = plugins;
        this.refresher = refresher;
    }

    @GET
    @RolesAllowed(Permissions.PLUGINS_READ)
    public List<PluginView> list() {
        return plugins.describe(refresher::lastRefresh);
    }
}
