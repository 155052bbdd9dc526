package org.jobpricing.server.rulesets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.api.PricingRequest;

/**
 * A rule scenario an analyst writes in {@code rules/tests/*.yaml}: a job, the market data and FX rates
 * it sees, and what the quote must show.
 */
public record Scenario(
        String name,
        String description,
        PricingRequest job,
        String observations,
        String fxRates,
        Expect expect,
        BigDecimal tolerance) {

    /** A file of scenarios. */
    public record File(List<Scenario> scenarios) {}

    /** Expected values; anything left out is not checked. */
    public record Expect(
            String error,
            Map<String, BigDecimal> market,
            BigDecimal marketReferencePoint,
            BigDecimal premium,
            Map<String, BigDecimal> band,
            ConfidenceExpect confidence,
            List<ObservationExpect> observations,
            List<String> rulesFired) {}

    /** Expected confidence. */
    public record ConfidenceExpect(Integer score, String label) {}

    /**
     * Expected use of one observation, found by sourceId, and by area and effectiveDate when given (one
     * source may give several candidates: the nation, a state, a metro; two editions).
     */
    public record ObservationExpect(
            String sourceId,
            String area,
            java.time.LocalDate effectiveDate,
            String areaMatch,
            Boolean included,
            String reason,
            String match,
            Integer months,
            BigDecimal factor,
            BigDecimal credibility,
            BigDecimal weight) {}
}
