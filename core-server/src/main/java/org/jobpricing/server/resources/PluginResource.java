package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jobpricing.server.api.PluginView;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.plugins.PluginAdmin;
import org.jobpricing.server.plugins.PluginCatalog;

/** The plugins of the plugins directory: state, health, sources and last runs; on/off, reload, check. */
@Path("/api/v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    private final PluginCatalog catalog;
    private final PluginAdmin admin;

    public PluginResource(PluginCatalog catalog, PluginAdmin admin) {
        this.catalog = catalog;
        this.admin = admin;
    }

    @GET
    @RolesAllowed(Permissions.PLUGINS_READ)
    public List<PluginView> list() {
        return catalog.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Permissions.PLUGINS_READ)
    public PluginView get(@PathParam("id") String id) {
        return admin.view(id);
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed(Permissions.PLUGINS_MANAGE)
    public PluginView enable(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("id") String id,
            @Context HttpServletRequest request) {
        return admin.enable(id, user.username(), Origins.of(request));
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed(Permissions.PLUGINS_MANAGE)
    public PluginView disable(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("id") String id,
            @Context HttpServletRequest request) {
        return admin.disable(id, user.username(), Origins.of(request));
    }

    @POST
    @Path("/{id}/reload")
    @RolesAllowed(Permissions.PLUGINS_MANAGE)
    public PluginView reload(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("id") String id,
            @Context HttpServletRequest request) {
        return admin.reload(id, user.username(), Origins.of(request));
    }

    @POST
    @Path("/{id}/check")
    @RolesAllowed(Permissions.PLUGINS_MANAGE)
    public List<PluginAdmin.SourceCheck> check(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("id") String id,
            @Context HttpServletRequest request) {
        return admin.check(id, user.username(), Origins.of(request));
    }

    /** Loads jars added to the plugins directory since the server started. */
    @POST
    @Path("/scan")
    @RolesAllowed(Permissions.PLUGINS_MANAGE)
    public List<PluginView> scan(
            @Parameter(hidden = true) @Auth UserPrincipal user, @Context HttpServletRequest request) {
        return admin.scan(user.username(), Origins.of(request));
    }
}
