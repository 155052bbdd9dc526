package org.jobpricing.server.core;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jobpricing.server.db.FxRateDao;

/** The method's FX lookup over a list of rates held in memory (scenario tests, what-if runs). */
public final class InMemoryFxRates implements FxLookup {

    private final List<FxRateDao.Row> rates;

    public InMemoryFxRates(List<FxRateDao.Row> rates) {
        this.rates = List.copyOf(rates);
    }

    @Override
    public Optional<Double> rate(String from, String to, LocalDate asOf) {
        if (from.equals(to)) {
            return Optional.of(1.0);
        }
        Optional<Double> direct = latest(from, to, asOf);
        return direct.isPresent() ? direct : latest(to, from, asOf).map(inverse -> 1.0 / inverse);
    }

    private Optional<Double> latest(String from, String to, LocalDate asOf) {
        return rates.stream()
                .filter(r ->
                        r.from().equals(from) && r.to().equals(to) && !r.date().isAfter(asOf))
                .max(Comparator.comparing(FxRateDao.Row::date))
                .map(FxRateDao.Row::rate);
    }
}
