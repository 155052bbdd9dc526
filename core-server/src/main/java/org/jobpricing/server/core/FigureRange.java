package org.jobpricing.server.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.ObservationError;

/**
 * Quotes whose figures leave the range of a double: an observation's amounts times its factor (FX,
 * annualisation, aging) can overflow to infinity, which no answer can show. Such a quote is a 422
 * naming the observations to blame, never a 500 from the arithmetic that meets the infinity later.
 */
final class FigureRange {

    private FigureRange() {}

    /**
     * The 422 for figures out of range, if they are: {@code result} is the evaluated quote, or null when
     * the evaluation failed with {@code failure}.
     */
    static Optional<DomainException> check(List<MarketCandidate> candidates, PricingResult result, Throwable failure) {
        List<MarketCandidate> included = candidates.stream()
                .filter(c -> c.isIncluded() && c.getFactor() != null)
                .toList();
        List<ObservationError> blamed = new ArrayList<>();
        for (MarketCandidate c : included) {
            IntStream.range(0, PricingResult.PERCENTILES.length)
                    .filter(k -> c.normalised(k) != null && !Double.isFinite(c.normalised(k)))
                    .findFirst()
                    .ifPresent(k -> blamed.add(new ObservationError(
                            c.getSourceId(),
                            c.getSourceType(),
                            "normalised p" + PricingResult.PERCENTILES[k] + " is out of range: reported "
                                    + c.reported(k) + " times factor " + c.getFactor())));
        }
        if (blamed.isEmpty() && !included.isEmpty() && (result == null ? isArithmetic(failure) : outOfRange(result))) {
            // every amount is finite alone but their blend, band or rounding is not: the largest is to blame
            MarketCandidate largest = included.stream()
                    .max(Comparator.comparingDouble(FigureRange::largest))
                    .get();
            blamed.add(new ObservationError(
                    largest.getSourceId(),
                    largest.getSourceType(),
                    "its normalised amount " + largest(largest)
                            + " is the largest of figures whose blend or band is out of range"));
        }
        if (blamed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CannotPriceException(
                "FIGURES_OUT_OF_RANGE",
                "the figures of this quote are too large "
                        + "to compute; check the amounts and FX rates of the observations named",
                blamed));
    }

    private static double largest(MarketCandidate c) {
        return IntStream.range(0, PricingResult.PERCENTILES.length)
                .mapToObj(c::normalised)
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    private static boolean outOfRange(PricingResult r) {
        List<Double> figures = new ArrayList<>();
        IntStream.range(0, PricingResult.PERCENTILES.length).forEach(k -> figures.add(r.market(k)));
        figures.addAll(java.util.Arrays.asList(r.getReferencePoint(), r.getBandMin(), r.getBandMid(), r.getBandMax()));
        return figures.stream().anyMatch(v -> v != null && !Double.isFinite(v));
    }

    /** BigDecimal refuses an infinite or NaN double with a NumberFormatException. */
    private static boolean isArithmetic(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NumberFormatException || t instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }
}
