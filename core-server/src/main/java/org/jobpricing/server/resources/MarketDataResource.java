package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jobpricing.server.api.ImportResult;
import org.jobpricing.server.api.IsoCountry;
import org.jobpricing.server.api.ObservationView;
import org.jobpricing.server.api.RefreshResult;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.core.FxRateService;
import org.jobpricing.server.core.MarketDataService;
import org.jobpricing.server.plugins.MarketDataJobs;

/** Market observations and FX rates: CSV imports, listing, and refresh from the plugins. */
@Path("/api/v1/market-data")
@Produces(MediaType.APPLICATION_JSON)
public class MarketDataResource {

    private final MarketDataService marketData;
    private final FxRateService fxRates;
    private final MarketDataJobs jobs;

    public MarketDataResource(MarketDataService marketData, FxRateService fxRates, MarketDataJobs jobs) {
        this.marketData = marketData;
        this.fxRates = fxRates;
        this.jobs = jobs;
    }

    @POST
    @Path("/observations")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Permissions.MARKET_DATA_WRITE)
    public ImportResult importObservations(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @NotBlank String csv,
            @Context HttpServletRequest request) {
        return marketData.importCsv(csv, user.username(), Origins.of(request));
    }

    @GET
    @Path("/observations")
    @RolesAllowed(Permissions.MARKET_DATA_READ)
    public List<ObservationView> observations(
            @QueryParam("occupationCode") String occupationCode,
            @QueryParam("country") @IsoCountry String country,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return marketData.list(
                blankToNull(occupationCode), country == null ? null : country.toUpperCase(Locale.ROOT), limit, offset);
    }

    @POST
    @Path("/fx-rates")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Permissions.MARKET_DATA_WRITE)
    public ImportResult importFxRates(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @NotBlank String csv,
            @Context HttpServletRequest request) {
        return fxRates.importCsv(csv, user.username(), Origins.of(request));
    }

    @POST
    @Path("/refresh")
    @RolesAllowed(Permissions.MARKET_DATA_REFRESH)
    public RefreshResult refresh(
            @Parameter(hidden = true) @Auth UserPrincipal user, @Context HttpServletRequest request) {
        return jobs.refreshNow(user.username(), Origins.of(request));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
