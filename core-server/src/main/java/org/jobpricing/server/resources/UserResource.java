package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jobpricing.server.api.AuthRequests;
import org.jobpricing.server.api.UserView;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.auth.UserService;

/** Account administration. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @RolesAllowed(Permissions.USERS_READ)
    public List<UserView> list(
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return users.list(limit, offset);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.USERS_WRITE)
    public Response create(
            @Parameter(hidden = true) @Auth UserPrincipal admin,
            @NotNull @Valid AuthRequests.NewUser body,
            @Context HttpServletRequest request) {
        Role role = body.role() == null ? Role.VIEWER : Role.valueOf(body.role());
        UserView created = users.create(body, role, false, admin.username(), Origins.of(request));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Permissions.USERS_READ)
    public UserView get(@PathParam("id") String id) {
        return users.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.USERS_WRITE)
    public UserView update(
            @Parameter(hidden = true) @Auth UserPrincipal admin,
            @PathParam("id") String id,
            @NotNull @Valid AuthRequests.UpdateUser body,
            @Context HttpServletRequest request) {
        return users.update(id, body, admin, Origins.of(request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Permissions.USERS_DELETE)
    public Response delete(
            @Parameter(hidden = true) @Auth UserPrincipal admin,
            @PathParam("id") String id,
            @Context HttpServletRequest request) {
        users.delete(id, admin, Origins.of(request));
        return Response.noContent().build();
    }
}
