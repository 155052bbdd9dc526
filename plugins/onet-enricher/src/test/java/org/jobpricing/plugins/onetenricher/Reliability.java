package org.jobpricing.plugins.onetenricher;

import java.util.List;
import java.util.Locale;
import org.jobpricing.plugin.api.OccupationMatch;

/**
 * The reliability table of the top match's reported confidence: per confidence band, how many titles,
 * their mean confidence and how many were right; and how many of the matches reported at 0.7 or more
 * were right (the target: at least 85 %).
 */
record Reliability(double[] count, double[] confidence, double[] right, int titles, boolean weighted) {

    static final double[] BANDS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0000001};

    /** {@code weighted}: each title counts by its weight (job-weighted sets), else as one. */
    static Reliability of(OccupationMatcher matcher, List<EvalTitle> set, boolean weighted) {
        int bands = BANDS.length - 1;
        double[] count = new double[bands];
        double[] confidence = new double[bands];
        double[] right = new double[bands];
        for (EvalTitle t : set) {
            List<OccupationMatch> top = matcher.match(t.title(), null, 1);
            double p = top.isEmpty() ? 0 : top.get(0).score();
            boolean ok = !top.isEmpty()
                    && t.socs().contains(EmploymentPrior.soc(top.get(0).code()));
            int band = 0;
            while (p >= BANDS[band + 1]) {
                band++;
            }
            double w = weighted ? t.weight() : 1;
            count[band] += w;
            confidence[band] += w * p;
            right[band] += ok ? w : 0;
        }
        return new Reliability(count, confidence, right, set.size(), weighted);
    }

    /** Matches reported at {@code threshold} or more: how many, and the share of them that were right. */
    double[] atLeast(double threshold) {
        double n = 0;
        double ok = 0;
        for (int b = 0; b < count.length; b++) {
            if (BANDS[b] >= threshold - 1e-9) {
                n += count[b];
                ok += right[b];
            }
        }
        return new double[] {n, n == 0 ? 0 : ok / n};
    }

    /** Expected calibration error: the count-weighted gap between mean confidence and accuracy per band. */
    double ece() {
        double sum = 0;
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                sum += Math.abs(confidence[b] / count[b] - (double) right[b] / count[b]) * count[b];
            }
        }
        return sum / java.util.Arrays.stream(count).sum();
    }

    void print(String name) {
        System.out.printf(Locale.ROOT, "reliability, %s (%d titles):%n", name, titles);
        System.out.printf(
                Locale.ROOT,
                "  %-11s %6s %10s %8s%n",
                "confidence",
                weighted ? "weight" : "titles",
                "mean conf",
                "right");
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "  %.1f-%-7.1f %6.0f %10.3f %8.3f%n",
                        BANDS[b],
                        Math.min(1, BANDS[b + 1]),
                        count[b],
                        confidence[b] / count[b],
                        right[b] / count[b]);
            }
        }
        double[] high = atLeast(0.7);
        System.out.printf(
                Locale.ROOT,
                "  reported >= 0.7: %.0f %s (%.3f of all), %.3f right; ECE %.3f%n%n",
                high[0],
                weighted ? "weighted titles" : "titles",
                high[0] / java.util.Arrays.stream(count).sum(),
                high[1],
                ece());
    }
}
