package org.jobpricing.server.employees;

import java.time.LocalDate;

/**
 * Where an employee's pay range comes from. Today: the band of a quote for the employee's job and
 * location ({@link QuoteBands}); a salary structure's grade (min, mid, max per grade) plugs in here as
 * another source, chosen for employees who have a grade.
 */
public interface BandSource {

    /** The job and place a band is wanted for; {@code grade} is null when the roster has none. */
    record Job(String occupationCode, String level, String country, String area, String currency, String grade) {

        /** The location as shown: the area when there is one, else the country. */
        public String location() {
            return area == null ? country : area;
        }
    }

    /**
     * A pay range, annual full-time in {@code currency}: where it came from ({@code STORED_QUOTE},
     * {@code FRESH_QUOTE}, or a grade), the quote that set it and the rule version that priced it.
     */
    record Band(
            double min,
            double mid,
            double max,
            String currency,
            String source,
            String quoteId,
            LocalDate quoteAsOf,
            String rulesetVersion) {}

    /** The band found, or why there is none. */
    record Found(Band band, String problem) {
        public static Found of(Band band) {
            return new Found(band, null);
        }

        public static Found none(String problem) {
            return new Found(null, problem);
        }
    }

    /** The band of {@code job} for a roster dated {@code asOf}; {@code fresh} prices anew even when one is stored. */
    Found band(Job job, LocalDate asOf, boolean fresh, String actor);
}
