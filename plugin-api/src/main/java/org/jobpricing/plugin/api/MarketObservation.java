package org.jobpricing.plugin.api;

import java.time.LocalDate;

/**
 * One row of market data from one source (pricing method §1). Empty {@code level} or {@code area}
 * are {@code null} and mean "all levels" / "the whole country". Percentiles other than p50 may be
 * {@code null} when the source does not report them.
 */
public record MarketObservation(
        String sourceId,
        SourceType sourceType,
        String occupationCode,
        String level,
        String country,
        String area,
        String currency,
        PayPeriod period,
        LocalDate effectiveDate,
        Double p10,
        Double p25,
        Double p50,
        Double p75,
        Double p90,
        int sampleSize,
        Integer orgCount) {

    /** The percentiles in ascending order p10, p25, p50, p75, p90 (entries may be null). */
    public Double[] percentiles() {
        return new Double[] {p10, p25, p50, p75, p90};
    }
}
