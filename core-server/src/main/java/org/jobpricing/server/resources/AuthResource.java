package org.jobpricing.server.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jobpricing.server.api.AuthRequests;
import org.jobpricing.server.api.TokenResponse;
import org.jobpricing.server.api.UserView;
import org.jobpricing.server.auth.AuthService;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.Public;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.auth.UserService;
import org.jobpricing.server.errors.ApiException;

/** Tokens and the signed-in user's own account. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final UserService users;
    private final boolean registrationEnabled;

    public AuthResource(AuthService auth, UserService users, boolean registrationEnabled) {
        this.auth = auth;
        this.users = users;
        this.registrationEnabled = registrationEnabled;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    @Timed
    public TokenResponse login(@NotNull @Valid AuthRequests.Login login, @Context HttpServletRequest request) {
        boolean byUsername = login.username() != null && !login.username().isBlank();
        return auth.login(byUsername ? "username" : "email", byUsername ? login.username() : login.email(),
                login.password(), Origins.of(request));
    }

    /** The OAuth2 resource-owner password form. */
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Public
    @Timed
    public TokenResponse loginForm(@FormParam("username") String username, @FormParam("password") String password,
                                   @Context HttpServletRequest request) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("INVALID_REQUEST", "password is required",
                    List.of(new org.jobpricing.server.errors.FieldError("password", "is required")));
        }
        return auth.login("username", username, password, Origins.of(request));
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    @Timed
    public TokenResponse refresh(@NotNull @Valid AuthRequests.Refresh body, @Context HttpServletRequest request) {
        return auth.refresh(body.refreshToken(), Origins.of(request));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response logout(@NotNull @Valid AuthRequests.Refresh body, @Context HttpServletRequest request) {
        auth.logout(body.refreshToken(), Origins.of(request));
        return Response.noContent().build();
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response register(@NotNull @Valid AuthRequests.NewUser body, @Context HttpServletRequest request) {
        if (!registrationEnabled) {
            throw new ApiException(403, "REGISTRATION_DISABLED", "self-registration is off; ask an admin for an account",
                    List.of(new org.jobpricing.server.errors.FieldError("path", "self-registration is turned off on "
                            + "this server (REGISTRATION_ENABLED)")));
        }
        UserView user = users.create(body, Role.VIEWER, false, body.username(), Origins.of(request));
        return Response.status(201).entity(user).build();
    }

    @POST
    @Path("/verify-email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response verifyEmail(@NotNull @Valid AuthRequests.VerifyEmail body, @Context HttpServletRequest request) {
        users.verifyEmail(body.token(), Origins.of(request));
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Permissions.SELF)
    public UserView me(@Parameter(hidden = true) @Auth UserPrincipal user) {
        return users.get(user.id());
    }

    @PUT
    @Path("/me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.SELF)
    public Response changePassword(@Parameter(hidden = true) @Auth UserPrincipal user, @NotNull @Valid AuthRequests.ChangePassword body,
                                   @Context HttpServletRequest request) {
        auth.changePassword(user, body.currentPassword(), body.newPassword(), Origins.of(request));
        return Response.noContent().build();
    }
}
