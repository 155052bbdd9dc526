package org.jobpricing.server.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.core.BatchPricer;
import org.jobpricing.server.core.batch.BatchInput;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.resources.batch.BatchReader;
import org.jobpricing.server.resources.batch.BatchWriter;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleEngine;

/**
 * Prices up to 100,000 jobs in one call, streaming one result line per input line once the whole body
 * has arrived (see {@link SpooledBody}).
 */
@Path("/api/v1/pricing/batch")
public class BatchPricingResource {

    static final String NDJSON = "application/x-ndjson";
    private final BatchPricer pricer;
    private final BatchReader reader;
    private final ObjectMapper json;
    private final RuleEngine engine;

    public BatchPricingResource(BatchPricer pricer, RuleEngine engine, ObjectMapper json) {
        this.reader = new BatchReader(json);
        this.json = json;
        this.pricer = pricer;
        this.engine = engine;
    }

    /**
     * CSV ({@code title,occupation_code,level,country,area,currency,as_of,skills}) or a JSON array of
     * pricing requests in; NDJSON (default, ending with a summary line) or CSV ({@code ?format=csv} or
     * {@code Accept: text/csv}; {@code ?format=ndjson} is the default) out.
     */
    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Produces({NDJSON, "text/csv"})
    @RolesAllowed(Permissions.PRICING_BATCH)
    public Response price(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
            @Parameter(hidden = true) @HeaderParam("Accept") String accept,
            @QueryParam("format") String format,
            InputStream body)
            throws IOException {
        if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("ndjson")) {
            throw ApiException.badRequest(
                    "INVALID_PARAMETER",
                    "format must be csv or ndjson",
                    List.of(new FieldError("format", "must be csv or ndjson")));
        }
        boolean csvIn = contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
        boolean csvOut = "csv".equalsIgnoreCase(format)
                || format == null && accept != null && accept.contains("text/csv") && !accept.contains(NDJSON);
        SpooledBody spooled = SpooledBody.read(body);
        try {
            InputStream input = spooled.open();
            // a wrong CSV header is a 400 here, before anything is written
            Iterator<BatchInput> rows = reader.open(input, csvIn);
            CompiledRuleSet rules = engine.active();
            StreamingOutput stream = out -> {
                try (spooled;
                        input) {
                    pricer.price(
                            rows,
                            csvOut ? BatchWriter.csv(out) : BatchWriter.ndjson(out, json),
                            rules,
                            user.username(),
                            lines -> {});
                }
            };
            return Response.ok(stream, csvOut ? "text/csv" : NDJSON).build();
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
    }
}
