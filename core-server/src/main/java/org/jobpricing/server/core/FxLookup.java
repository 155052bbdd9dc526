package org.jobpricing.server.core;

import java.time.LocalDate;
import java.util.Optional;

/** Method §1 FX lookup: the rate from → to on a date, 1 for the same currency, empty when none applies. */
public interface FxLookup {

    Optional<Double> rate(String from, String to, LocalDate asOf);
}
