package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.jobpricing.server.api.AuthRequests;
import org.jobpricing.server.api.SignedInUser;
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
    private final RefreshCookie refreshCookie;

    public AuthResource(AuthService auth, UserService users, boolean registrationEnabled, Duration refreshTtl) {
        this.auth = auth;
        this.users = users;
        this.registrationEnabled = registrationEnabled;
        this.refreshCookie = new RefreshCookie(refreshTtl);
    }

    /** The tokens as JSON; for a cookie session the refresh token moves from the body to the cookie. */
    private Response answer(TokenResponse tokens, boolean cookie, HttpServletRequest request) {
        if (!cookie) {
            return Response.ok(tokens, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(
                        new TokenResponse(
                                tokens.accessToken(),
                                tokens.tokenType(),
                                tokens.expiresIn(),
                                null,
                                tokens.passwordChangeRequired()),
                        MediaType.APPLICATION_JSON_TYPE)
                .cookie(refreshCookie.issue(tokens.refreshToken(), request))
                .build();
    }

    /** Neither a body nor the cookie: the same answer as a missing body always had. */
    private static String required(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            throw ApiException.badRequest(
                    "INVALID_REQUEST",
                    "body must not be null",
                    List.of(new org.jobpricing.server.failures.FieldError("body", "must not be null")));
        }
        return cookie;
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    @Operation(
            summary = "Sign in",
            description = "With ?session=cookie the refresh token is set as an HttpOnly, "
                    + "SameSite=Strict cookie (jp_refresh, path /api/v1/auth) instead of being returned in the body.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(schema = @Schema(implementation = TokenResponse.class))))
    public Response login(
            @NotNull @Valid AuthRequests.Login login,
            @QueryParam("session") String session,
            @Context HttpServletRequest request) {
        boolean byUsername = login.username() != null && !login.username().isBlank();
        return answer(
                auth.login(
                        byUsername ? "username" : "email",
                        byUsername ? login.username() : login.email(),
                        login.password(),
                        Origins.of(request)),
                RefreshCookie.SESSION_COOKIE.equals(session),
                request);
    }

    /** The OAuth2 resource-owner password form. */
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Public
    public TokenResponse loginForm(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @Context HttpServletRequest request) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest(
                    "INVALID_REQUEST",
                    "password is required",
                    List.of(new org.jobpricing.server.failures.FieldError("password", "is required")));
        }
        return auth.login("username", username, password, Origins.of(request));
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    @Operation(
            summary = "Rotate a refresh token",
            description = "The token comes from the body or, with no body, "
                    + "from the jp_refresh cookie; a rotated cookie token goes back as the cookie.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(schema = @Schema(implementation = TokenResponse.class))))
    public Response refresh(
            @Valid AuthRequests.Refresh body,
            @Parameter(hidden = true) @CookieParam(RefreshCookie.NAME) String cookie,
            @Context HttpServletRequest request) {
        boolean fromCookie = body == null;
        return answer(
                auth.refresh(fromCookie ? required(cookie) : body.refreshToken(), Origins.of(request)),
                fromCookie,
                request);
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    @Operation(
            summary = "Sign out",
            description = "Revokes the token of the body or, with no body, of the jp_refresh "
                    + "cookie, and clears the cookie.")
    public Response logout(
            @Valid AuthRequests.Refresh body,
            @Parameter(hidden = true) @CookieParam(RefreshCookie.NAME) String cookie,
            @Context HttpServletRequest request) {
        if (body != null) {
            auth.logout(body.refreshToken(), Origins.of(request));
            return Response.noContent().build();
        }
        auth.logout(required(cookie), Origins.of(request));
        return Response.noContent().cookie(refreshCookie.clear(request)).build();
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Public
    public Response register(@NotNull @Valid AuthRequests.NewUser body, @Context HttpServletRequest request) {
        if (!registrationEnabled) {
            throw new ApiException(
                    403,
                    "REGISTRATION_DISABLED",
                    "self-registration is off; ask an admin for an account",
                    List.of(new org.jobpricing.server.failures.FieldError(
                            "path", "self-registration is turned off on " + "this server (REGISTRATION_ENABLED)")));
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
    public SignedInUser me(@Parameter(hidden = true) @Auth UserPrincipal user) {
        return SignedInUser.of(users.signedIn(user.id()), user.role().permissions());
    }

    @PUT
    @Path("/me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.SELF)
    public Response changePassword(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @NotNull @Valid AuthRequests.ChangePassword body,
            @Context HttpServletRequest request) {
        auth.changePassword(user, body.currentPassword(), body.newPassword(), Origins.of(request));
        return Response.noContent().build();
    }
}
