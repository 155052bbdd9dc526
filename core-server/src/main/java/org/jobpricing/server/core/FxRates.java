package org.jobpricing.server.core;

import java.time.LocalDate;
import java.util.Optional;
import org.jobpricing.server.db.FxRateDao;

/**
 * Method §1: the rate from → to is the latest on or before the date; without one, 1 / the latest
 * to → from rate. No cross rates.
 */
public final class FxRates implements FxLookup {

    private final FxRateDao dao;

    public FxRates(FxRateDao dao) {
        this.dao = dao;
    }

    /** 1 for the same currency; empty when neither direction has a rate on or before {@code asOf}. */
    @Override
    public Optional<Double> rate(String from, String to, LocalDate asOf) {
        if (from.equals(to)) {
            return Optional.of(1.0);
        }
        Optional<Double> direct = dao.latest(from, to, asOf);
        if (direct.isPresent()) {
            return direct;
        }
        return dao.latest(to, from, asOf).map(inverse -> 1.0 / inverse);
    }
}
