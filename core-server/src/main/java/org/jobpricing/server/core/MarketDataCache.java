package org.jobpricing.server.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.server.db.DataVersionDao;
import org.jobpricing.server.db.FxRateDao;
import org.jobpricing.server.db.ObservationDao;
import org.jobpricing.server.db.StoredObservation;

/**
 * Caches market-data and FX lookups (Caffeine). Every write bumps a version row in the database;
 * every server polls it ({@link #follow}) and drops its caches when it moved, so no server prices on
 * data another server has replaced for longer than the poll interval.
 */
public final class MarketDataCache implements PricingPipeline.Market {

    private final ObservationDao stored;
    private final DataVersionDao version;
    /** The rows of one occupation and country, and when each source's oldest row among them was loaded. */
    private record Market(MarketSlice observations, Map<String, Instant> oldestLoad) {
        static Market of(List<StoredObservation> rows) {
            Map<String, Instant> oldest = new HashMap<>();
            rows.forEach(r -> oldest.merge(r.observation().sourceId(), r.loadedAt(), (a, b) -> a.isBefore(b) ? a : b));
            return new Market(
                    new MarketSlice(
                            rows.stream().map(StoredObservation::observation).toList()),
                    Map.copyOf(oldest));
        }
    }

    private final Cache<String, Market> observations = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();
    private final Cache<String, Optional<Double>> rates = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();
    private final FxLookup fx;
    private volatile long seen = -1;

    public MarketDataCache(ObservationDao stored, FxRateDao fxRates, DataVersionDao version) {
        this.stored = stored;
        this.version = version;
        FxRates database = new FxRates(fxRates);
        this.fx = (from, to, asOf) -> rates.get(from + "|" + to + "|" + asOf, k -> database.rate(from, to, asOf));
    }

    /** Of those, only the whole country's, the area's and the region's rows (cached grouped by area). */
    @Override
    public List<MarketObservation> observations(String occupationCode, String country, String area, String region) {
        return market(occupationCode, country).observations().inAreas(area, region);
    }

    /** When the oldest stored row of a source for this occupation and country was loaded, if any. */
    public Optional<Instant> loadedAt(String occupationCode, String country, String sourceId) {
        return Optional.ofNullable(market(occupationCode, country).oldestLoad().get(sourceId));
    }

    private Market market(String occupationCode, String country) {
        return observations.get(occupationCode + "|" + country, k -> Market.of(stored.find(occupationCode, country)));
    }

    /** The method's FX lookup, cached. */
    @Override
    public FxLookup fx() {
        return fx;
    }

    /** Call after every write of market data or FX rates: all servers drop their caches. */
    public void changed() {
        version.bump();
        invalidate();
    }

    /** Drops the caches when another server changed the data. */
    public void follow() {
        long current = version.current();
        if (current != seen) {
            invalidate();
            seen = current;
        }
    }

    /** Drops this server's caches (others follow the data version). */
    public void invalidate() {
        observations.invalidateAll();
        rates.invalidateAll();
    }
}
