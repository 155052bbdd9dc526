package org.jobpricing.plugins.jobpostings;

/**
 * One posting as the API sent it, unchecked: any field may be null. A salary that is not a JSON number
 * is {@link Double#NaN}.
 */
record Posting(
        String id,
        String title,
        String company,
        Double salaryMin,
        Double salaryMax,
        String currency,
        String period,
        String postedDate,
        String location) {}
