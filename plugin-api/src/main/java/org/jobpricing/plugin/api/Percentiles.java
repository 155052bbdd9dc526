package org.jobpricing.plugin.api;

import java.util.Arrays;

/**
 * p10, p25, p50, p75 and p90 of a sample by linear interpolation between the closest ranks: the
 * percentile p sits at position (n - 1) × p / 100 of the sorted values (0-based), between the values
 * on either side of it. One value gives that value for every percentile. For connectors that aggregate
 * individual figures (postings, payroll) into observations.
 */
public record Percentiles(double p10, double p25, double p50, double p75, double p90) {

    public static Percentiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 10), at(sorted, 25), at(sorted, 50), at(sorted, 75), at(sorted, 90));
    }

    private static double at(double[] sorted, int percentile) {
        double position = (sorted.length - 1) * percentile / 100.0;
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
