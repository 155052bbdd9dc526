package org.jobpricing.server.employees;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.core.PricingService;
import org.jobpricing.server.db.QuoteDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bands from quotes: the newest stored quote of the employee's occupation, level, country, area and pay
 * currency priced for the roster's date, or, when there is none (or a fresh one is asked for), a quote priced now through the
 * pricing service and stored like any other.
 */
public final class QuoteBands implements BandSource {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteBands.class);
    private static final int SCAN = 200;

    private final QuoteDao quotes;
    private final PricingService pricing;
    private final ObjectMapper json;

    public QuoteBands(QuoteDao quotes, PricingService pricing, ObjectMapper json) {
        this.quotes = quotes;
        this.pricing = pricing;
        this.json = json;
    }

    @Override
    public Found band(Job job, LocalDate asOf, boolean fresh, String actor) {
        if (!fresh) {
            Found stored = stored(job, asOf);
            if (stored != null) {
                return stored;
            }
        }
        PricingRequest request = new PricingRequest(
                "Roster " + job.occupationCode() + " " + job.level(),
                job.occupationCode(),
                job.level(),
                job.country(),
                job.area(),
                job.currency(),
                asOf,
                List.of(),
                null);
        try {
            PricingService.StoredQuote quote = pricing.price(request, actor);
            return band(json.readTree(quote.json()), "FRESH_QUOTE");
        } catch (IOException e) {
            throw new IllegalStateException("a fresh quote could not be read back", e);
        } catch (RuntimeException e) {
            // the pricing service's own refusals (no market data, unknown level) leave this job without a band
            LOG.info(
                    "no band for {} {} {}: {}",
                    job.occupationCode(),
                    job.level(),
                    job.location(),
                    e.getClass().getSimpleName());
            return Found.none("no quote could be priced for this job and location: " + e.getMessage());
        }
    }

    /** The newest stored quote of this job and place priced for the roster's date. */
    private Found stored(Job job, LocalDate asOf) {
        QuoteDao.Filter filter = new QuoteDao.Filter(
                job.occupationCode(),
                job.level(),
                job.country(),
                null,
                null,
                Timestamp.from(Instant.EPOCH),
                Timestamp.from(Instant.parse("9999-01-01T00:00:00Z")));
        List<QuoteDao.Listed> listed = quotes.find(filter, SCAN, 0);
        for (QuoteDao.Listed quote : listed) {
            try {
                JsonNode node = json.readTree(quote.responseJson());
                if (Objects.equals(text(node, "area"), job.area())
                        && Objects.equals(text(node, "currency"), job.currency())
                        && asOf.toString().equals(text(node, "asOf"))
                        && node.path("band").hasNonNull("mid")) {
                    return band(node, "STORED_QUOTE");
                }
            } catch (IOException e) {
                LOG.warn("stored quote {} is unreadable: skipped for bands", quote.id());
            }
        }
        return null;
    }

    private static Found band(JsonNode quote, String source) {
        JsonNode band = quote.path("band");
        String asOf = text(quote, "asOf");
        return Found.of(new Band(
                band.path("min").asDouble(),
                band.path("mid").asDouble(),
                band.path("max").asDouble(),
                text(quote, "currency"),
                source,
                text(quote, "id"),
                asOf == null ? null : LocalDate.parse(asOf),
                text(quote, "rulesetVersion")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
