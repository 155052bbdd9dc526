package org.jobpricing.server.employees;

import java.util.Arrays;

/** Means, medians and percentiles of pay figures, kept in full double precision. */
public final class Stats {

    private Stats() {}

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    public static double median(double[] values) {
        return percentile(values, 50);
    }

    /**
     * The {@code p}-th percentile by linear interpolation between the closest ranks: position
     * (n − 1) × p / 100 of the sorted values (the spreadsheet PERCENTILE.INC).
     */
    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = (sorted.length - 1) * p / 100.0;
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
