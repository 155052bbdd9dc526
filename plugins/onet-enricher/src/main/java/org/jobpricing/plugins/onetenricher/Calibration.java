package org.jobpricing.plugins.onetenricher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fitted map from a candidate's evidence to the probability that it is the right occupation: Platt
 * scaling with several inputs, {@code p = 1 / (1 + exp(-(b0 + Σ bi·xi)))} over the candidate's softmax
 * share (as a logit), its title overlap, head-word overlap, description fit, employment prior and
 * bag-of-titles fit. The
 * coefficients are data ({@code calibration.tsv}), fitted by bench/title-eval (logistic regression,
 * employment-weighted) on O*NET reported titles held out of the index.
 */
final class Calibration {

    /** The inputs, in the order of {@link #inputs}. */
    static final List<String> FEATURES =
            List.of("intercept", "share_logit", "overlap", "head", "description", "prior", "bag");

    private static final double RIDGE = 1;

    private final double[] coefficients;

    Calibration(double[] coefficients) {
        if (coefficients.length != FEATURES.size()) {
            throw new IllegalArgumentException(
                    "a calibration has " + FEATURES.size() + " coefficients, got " + coefficients.length);
        }
        this.coefficients = coefficients.clone();
    }

    /** No calibration: the softmax share itself. */
    static Calibration identity() {
        return new Calibration(new double[] {0, 1, 0, 0, 0, 0, 0});
    }

    static Calibration bundled() {
        String file = "calibration.tsv";
        InputStream in = Calibration.class.getResourceAsStream(OnetData.RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException(
                    "the calibration " + OnetData.RESOURCES + file + " is missing from the plugin jar");
        }
        Map<String, Double> read = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = false;
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!text.equals("feature\tcoefficient")) {
                        throw new IllegalStateException(
                                file + " line " + line + ": expected the header 'feature\tcoefficient'");
                    }
                    header = true;
                    continue;
                }
                String[] cells = text.split("\t");
                if (cells.length != 2 || !FEATURES.contains(cells[0])) {
                    throw new IllegalStateException(file + " line " + line + ": expected one of " + FEATURES
                            + " and a number, found '" + text + "'");
                }
                try {
                    read.put(cells[0], Double.parseDouble(cells[1]));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(file + " line " + line + ": '" + cells[1] + "' is not a number");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled file " + file, e);
        }
        if (!read.keySet().containsAll(FEATURES)) {
            throw new IllegalStateException(
                    file + ": expected a coefficient for each of " + FEATURES + ", found " + read.keySet());
        }
        return new Calibration(FEATURES.stream().mapToDouble(read::get).toArray());
    }

    /** The inputs of the model for a candidate with softmax share {@code share}. */
    static double[] inputs(OccupationMatcher.Candidate c, double share) {
        double s = Math.max(1e-6, Math.min(1 - 1e-6, share));
        return new double[] {1, Math.log(s / (1 - s)), c.overlap(), c.head(), c.description(), c.prior(), c.bag()};
    }

    /** The probability that a candidate is right, from its {@link #inputs}. */
    double probability(double[] x) {
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += coefficients[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Weighted logistic regression of {@code right} on {@code x} by Newton's method, with a small ridge
     * penalty (1, not on the intercept) that keeps it finite when an input separates the classes.
     */
    static Calibration fit(List<double[]> x, boolean[] right, double[] weight) {
        int k = FEATURES.size();
        double[] b = new double[k];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = x.get(i);
                double z = 0;
                for (int j = 0; j < k; j++) {
                    z += b[j] * xi[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double w = weight[i];
                for (int j = 0; j < k; j++) {
                    gradient[j] += w * ((right[i] ? 1 : 0) - p) * xi[j];
                    for (int l = 0; l < k; l++) {
                        hessian[j][l] += w * p * (1 - p) * xi[j] * xi[l];
                    }
                }
            }
            for (int j = 1; j < k; j++) {
                gradient[j] -= RIDGE * b[j];
                hessian[j][j] += RIDGE;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < k; j++) {
                b[j] += step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return new Calibration(b);
    }

    private static double[] solve(double[][] a, double[] y) {
        int n = y.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = y[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col && m[col][col] != 0) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }

    /** The coefficients as the lines of calibration.tsv, after the header. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < coefficients.length; i++) {
            lines.add(String.format(Locale.ROOT, "%s\t%.6f", FEATURES.get(i), coefficients[i]));
        }
        return lines;
    }
}
