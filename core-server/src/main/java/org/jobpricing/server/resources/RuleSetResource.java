package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jobpricing.server.api.RuleSetViews;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.rulesets.Editor;
import org.jobpricing.server.rulesets.RuleSetChange;
import org.jobpricing.server.rulesets.RuleSetDiff;
import org.jobpricing.server.rulesets.RuleSetService;
import org.jobpricing.server.rulesets.Uploads;
import org.jobpricing.server.rulesets.WhatIfSimulator;

/** Rule-set versions: validate, store, test, diff, simulate, publish and roll back. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private static final String ZIP = "application/zip";
    private final RuleSetService ruleSets;
    private final WhatIfSimulator simulator;

    public RuleSetResource(RuleSetService ruleSets, WhatIfSimulator simulator) {
        this.ruleSets = ruleSets;
        this.simulator = simulator;
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.RULES_WRITE)
    public RuleSetViews.Validation validate(@NotNull @Valid RuleSetViews.Upload upload) {
        return checked(ruleSets.validate(change(upload)));
    }

    @POST
    @Path("/validate")
    @Consumes(ZIP)
    @RolesAllowed(Permissions.RULES_WRITE)
    public RuleSetViews.Validation validateZip(
            @NotNull byte[] zip, @QueryParam("parent") Integer parent, @QueryParam("delete") List<String> delete) {
        return checked(ruleSets.validate(new RuleSetChange(parent, Uploads.fromZip(zip), names(delete), null)));
    }

    @GET
    @Path("/versions")
    @RolesAllowed(Permissions.RULES_READ)
    public List<RuleSetViews.Version> versions(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return ruleSets.list(limit, offset);
    }

    @POST
    @Path("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.RULES_WRITE)
    public Response create(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @NotNull @Valid RuleSetViews.Upload upload,
            @Context HttpServletRequest request) {
        return created(ruleSets.create(change(upload), editor(user), Origins.of(request)));
    }

    @POST
    @Path("/versions")
    @Consumes(ZIP)
    @RolesAllowed(Permissions.RULES_WRITE)
    public Response createZip(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @NotNull byte[] zip,
            @QueryParam("message") @Size(max = 1000) String message,
            @QueryParam("parent") Integer parent,
            @QueryParam("delete") List<String> delete,
            @Context HttpServletRequest request) {
        return created(ruleSets.create(
                new RuleSetChange(parent, Uploads.fromZip(zip), names(delete), message),
                editor(user),
                Origins.of(request)));
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed(Permissions.RULES_READ)
    public RuleSetViews.Version version(@PathParam("version") String version) {
        return ruleSets.get(number(version));
    }

    @GET
    @Path("/versions/{from}/diff/{to}")
    @RolesAllowed(Permissions.RULES_READ)
    public RuleSetViews.Diff diff(@PathParam("from") String from, @PathParam("to") String to) {
        int a = number(from);
        int b = number(to);
        return RuleSetDiff.between(a, ruleSets.files(a), b, ruleSets.files(b));
    }

    @POST
    @Path("/versions/{version}/test")
    @RolesAllowed(Permissions.RULES_READ)
    public RuleSetViews.TestRun test(
            @Parameter(hidden = true) @Auth UserPrincipal user, @PathParam("version") String version) {
        int number = number(version);
        requireWriteForDraft(user, number);
        return ruleSets.test(number);
    }

    @POST
    @Path("/versions/{version}/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.RULES_WRITE)
    public RuleSetViews.Simulation simulate(
            @PathParam("version") String version, @Valid RuleSetViews.SimulationRequest body) {
        return simulator.simulate(
                ruleSets.ready(number(version)), ruleSets.engine().active(), body);
    }

    @POST
    @Path("/versions/{version}/publish")
    @RolesAllowed(Permissions.RULES_PUBLISH)
    public RuleSetViews.Version publish(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("version") String version,
            @QueryParam("acceptFailingScenarios") @DefaultValue("false") boolean acceptFailingScenarios,
            @Context HttpServletRequest request) {
        return ruleSets.publish(number(version), editor(user), acceptFailingScenarios, Origins.of(request));
    }

    @POST
    @Path("/versions/{version}/rollback")
    @RolesAllowed(Permissions.RULES_PUBLISH)
    public RuleSetViews.Version rollback(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("version") String version,
            @Context HttpServletRequest request) {
        return ruleSets.rollback(number(version), editor(user), Origins.of(request));
    }

    private static RuleSetChange change(RuleSetViews.Upload upload) {
        boolean deletes = upload.delete() != null && !upload.delete().isEmpty();
        return new RuleSetChange(
                upload.parent(), Uploads.fromMap(upload.files(), deletes), names(upload.delete()), upload.message());
    }

    private static List<String> names(List<String> names) {
        return names == null ? List.of() : names.stream().map(Uploads::clean).toList();
    }

    private static Editor editor(UserPrincipal user) {
        return new Editor(user.username(), user.role().grants(Permissions.RULES_CODE));
    }

    /** A draft's tests run its code: only those who may write rules run them. */
    private void requireWriteForDraft(UserPrincipal user, int version) {
        if (!user.role().grants(Permissions.RULES_WRITE) && !ruleSets.isPublished(version)) {
            throw new ApiException(
                    403,
                    "FORBIDDEN",
                    "testing a version that was never published needs " + Permissions.RULES_WRITE,
                    List.of(new FieldError("version", "v" + version + " is a draft")));
        }
    }

    /** "3" or "v3". */
    private static int number(String version) {
        String digits = version.startsWith("v") ? version.substring(1) : version;
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("rule set version " + version);
        }
    }

    private static RuleSetViews.Validation checked(RuleSetViews.Validation validation) {
        if (!validation.valid()) {
            throw ApiException.badRequest(
                    "RULESET_INVALID",
                    validation.problems().size() + " problem(s) in the rule files",
                    validation.problems());
        }
        return validation;
    }

    private static Response created(RuleSetViews.Version version) {
        return Response.status(201).entity(version).build();
    }
}
