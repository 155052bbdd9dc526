package org.jobpricing.server.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jobpricing.server.api.ImportResult;
import org.jobpricing.server.api.IsoCountry;
import org.jobpricing.server.api.ObservationView;
import org.jobpricing.server.api.RefreshResult;
import org.jobpricing.server.core.FxRateService;
import org.jobpricing.server.core.MarketDataService;
import org.jobpricing.server.plugins.MarketDataRefresher;

/** Market observations and FX rates: CSV imports, listing, and refresh from the plugins. */
@Path("/api/v1/market-data")
@Produces(MediaType.APPLICATION_JSON)
public class MarketDataResource {

    private final MarketDataService marketData;
    private final FxRateService fxRates;
    private final MarketDataRefresher refresher;

    public MarketDataResource(MarketDataService marketData, FxRateService fxRates, MarketDataRefresher refresher) {
        this.marketData = marketData;
        this.fxRates = fxRates;
        this.refresher = refresher;
    }

    @POST
    @Path("/observations")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Timed
    @ExceptionMetered
    public ImportResult importObservations(@NotBlank String csv) {
        return marketData.importCsv(csv);
    }

    @GET
    @Path("/observations")
    @Timed
    public List<ObservationView> observations(@QueryParam("occupationCode") String occupationCode,
                                              @QueryParam("country") @IsoCountry String country,
                                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                              @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return marketData.list(blankToNull(occupationCode),
                country == null ? null : country.toUpperCase(Locale.ROOT), limit, offset);
    }

    @POST
    @Path("/fx-rates")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Timed
    @ExceptionMetered
    public ImportResult importFxRates(@NotBlank String csv) {
        return fxRates.importCsv(csv);
    }

    @POST
    @Path("/refresh")
    @Timed
    public RefreshResult refresh() {
        return refresher.refresh();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
