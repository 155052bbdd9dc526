package org.jobpricing.server.postings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.structures.PayPolicy;

/**
 * A posting's published ranges, one per jurisdiction of its work locations, each stored with the
 * criteria it came from (quote or grade, band, rule rows and version) so it can be explained later.
 */
public record Posting(
        String postingId,
        Instant createdAt,
        String createdBy,
        String quoteId,
        String structureId,
        Integer grade,
        Band band,
        List<PostedRange> ranges,
        List<Location> unregulated,
        String rulesetVersion) {

    /** A work location: ISO country, state or region, city. */
    public record Location(String country, String region, String city) {
        /** "New York, NY, US". */
        public String label() {
            return String.join(
                    ", ",
                    java.util.stream.Stream.of(city, region, country)
                            .filter(s -> s != null && !s.isBlank())
                            .map(String::strip)
                            .toList());
        }
    }

    /** The band the ranges come from: a quote's or a grade's, annual, in one currency. */
    public record Band(double min, double mid, double max, String currency) {}

    /** A range a recruiter proposes instead of the policy's: min and max per period, in a currency. */
    public record ProposedRange(Double min, Double max, String currency, String period) {}

    /**
     * One jurisdiction's range: where, what law, whether it binds this employer (its size), the
     * figures per period, the ready sentence, the rule rows used and the criteria stored with it.
     */
    public record PostedRange(
            String id,
            String jurisdiction,
            String name,
            String law,
            Location location,
            boolean required,
            String currency,
            String period,
            double min,
            double max,
            String sentence,
            PayPolicy.Rule requirementRule,
            PayPolicy.Rule widthRule,
            String rulesetVersion,
            Criteria criteria) {}

    /**
     * What a range was set from (EU Directive 2023/970 Art. 5: objective, gender-neutral criteria): the
     * job as priced, the market data sources, the band, the policy rows and the employer's inputs.
     */
    public record Criteria(
            String quoteId,
            String structureId,
            String structureName,
            Integer structureVersion,
            Integer grade,
            String title,
            String occupationCode,
            String level,
            String country,
            String area,
            LocalDate asOf,
            Double marketReferencePoint,
            List<String> sources,
            String pricingRulesetVersion,
            Band band,
            Double bandLower,
            Double bandUpper,
            ProposedRange proposed,
            Integer employees,
            String benefits,
            LocalDate applicationDeadline,
            String note,
            Map<String, String> rules) {}
}
