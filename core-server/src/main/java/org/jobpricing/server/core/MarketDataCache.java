package org.jobpricing.server.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.server.db.FxRateDao;
import org.jobpricing.server.db.ObservationDao;
import org.jobpricing.server.db.StoredObservation;

/**
 * Caches market-data and FX lookups (Caffeine). Every write bumps a version row in the database;
 * every server polls it ({@link #follow}) and drops its caches when it moved, so no server prices on
 * data another server has replaced for longer than the poll interval.
 */
public final class MarketDataCache {

    private final Jdbi jdbi;
    private final Cache<String, List<MarketObservation>> observations = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(30)).build();
    private final Cache<String, Optional<Double>> rates = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(30)).build();
    private final FxLookup fx;
    private volatile long seen = -1;

    public MarketDataCache(Jdbi jdbi) {
        this.jdbi = jdbi;
        FxRates database = new FxRates(jdbi.onDemand(FxRateDao.class));
        this.fx = (from, to, asOf) -> rates.get(from + "|" + to + "|" + asOf, k -> database.rate(from, to, asOf));
    }

    /** The stored observations of an occupation in a country. */
    public List<MarketObservation> observations(String occupationCode, String country) {
        return observations.get(occupationCode + "|" + country, k -> jdbi.withExtension(ObservationDao.class,
                dao -> dao.find(occupationCode, country)).stream().map(StoredObservation::observation).toList());
    }

    /** The method's FX lookup, cached. */
    public FxLookup fx() {
        return fx;
    }

    /** Call after every write of market data or FX rates: all servers drop their caches. */
    public void changed() {
        jdbi.useHandle(h -> h.createUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1").execute());
        invalidate();
    }

    /** Drops the caches when another server changed the data. */
    public void follow() {
        long version = jdbi.withHandle(h -> h.createQuery("SELECT version FROM data_version WHERE id = 1")
                .mapTo(Long.class).findOne().orElse(0L));
        if (version != seen) {
            invalidate();
            seen = version;
        }
    }

    private void invalidate() {
        observations.invalidateAll();
        rates.invalidateAll();
    }

}
