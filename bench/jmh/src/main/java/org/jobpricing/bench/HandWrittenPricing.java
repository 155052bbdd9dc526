package org.jobpricing.bench;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.server.core.FxLookup;
import org.jobpricing.server.core.JobSpec;

/**
 * The pricing method (docs/pricing-method.md §2-§7) with the default tables of §8 written out in plain
 * Java: the yardstick for what the rule engine costs. Benchmark code only; the product keeps its tables
 * in rules/. Like the rules it keeps full double precision and multiplies in the same order, but it
 * records no explanation.
 */
final class HandWrittenPricing {

    private static final int[] PERCENTILES = {10, 25, 50, 75, 90};
    private static final double TARGET_PERCENTILE = 50;
    private static final double PREMIUM_CAP = 0.15;

    /** The figures of one quote; a percentile no observation reports is NaN. */
    record Quote(double[] market, double referencePoint, double premium, double bandMin, double bandMid,
                 double bandMax, int confidenceScore, String confidenceLabel) {
    }

    private HandWrittenPricing() {
    }

    static Quote price(JobSpec job, List<MarketObservation> observations, FxLookup fx) {
        double levelFactor = levelFactor(job.level());
        double spread = spread(job.level());
        double agingRate = "SG".equals(job.country()) ? 0.04 : 0.03;
        double areaIndex = job.area() == null ? 1.0 : areaIndex(job.area());

        double[] weighted = new double[5];
        double[] weights = new double[5];
        double sampleSum = 0;
        double weightSum = 0;
        double weightedMonths = 0;
        String[] sources = new String[observations.size()];
        int distinctSources = 0;
        for (MarketObservation o : observations) {
            // §2 candidates
            if (!o.occupationCode().equals(job.occupationCode()) || !o.country().equals(job.country())
                    || (o.level() != null && !o.level().equals(job.level()))
                    || (o.area() != null && !o.area().equals(job.area()))) {
                continue;
            }
            boolean exact = o.level() != null;
            int months = (int) ChronoUnit.MONTHS.between(o.effectiveDate(), job.asOf());
            // §3 exclusions
            if (o.sampleSize() < minSample(o.sourceType())
                    || (o.sourceType() == SourceType.SURVEY && o.orgCount() != null && o.orgCount() < 5)
                    || months > 36) {
                continue;
            }
            Optional<Double> rate = fx.rate(o.currency(), job.currency(), job.asOf());
            if (rate.isEmpty()) {
                continue;
            }
            // §4 normalisation, §5 weight
            double aging = Math.pow(1 + agingRate, months / 12.0);
            double geo = job.area() != null && o.area() == null ? areaIndex : 1.0;
            double factor = annualize(o.period()) * rate.get() * aging * geo * (exact ? 1.0 : levelFactor);
            double credibility = Math.min(1.0, Math.sqrt(o.sampleSize() / 50.0));
            double weight = sourceWeight(o.sourceType()) * (exact ? 1.0 : 0.5) * credibility;
            add(weighted, weights, 0, o.p10(), factor, weight);
            add(weighted, weights, 1, o.p25(), factor, weight);
            add(weighted, weights, 2, o.p50(), factor, weight);
            add(weighted, weights, 3, o.p75(), factor, weight);
            add(weighted, weights, 4, o.p90(), factor, weight);
            sampleSum += o.sampleSize();
            weightSum += weight;
            weightedMonths += weight * months;
            if (!contains(sources, distinctSources, o.sourceId())) {
                sources[distinctSources++] = o.sourceId();
            }
        }
        if (distinctSources == 0) {
            throw new IllegalArgumentException("INSUFFICIENT_MARKET_DATA");
        }

        // §5 blend, order, reference point, premium
        double[] market = new double[5];
        for (int k = 0; k < 5; k++) {
            market[k] = weights[k] > 0 ? weighted[k] / weights[k] : Double.NaN;
        }
        raise(market, 3, 2);
        raise(market, 4, 3);
        lower(market, 1, 2);
        lower(market, 0, 1);
        double referencePoint = at(market, TARGET_PERCENTILE);
        if (Double.isNaN(referencePoint)) {
            referencePoint = market[2];
        }
        double premiumSum = 0;
        for (String skill : job.skills()) {
            premiumSum += skillPremium(skill);
        }
        double premium = Math.min(PREMIUM_CAP, premiumSum);

        // §6 band
        double mid = referencePoint * (1 + premium);
        double min = mid * 2 / (2 + spread);
        double max = min * (1 + spread);
        double unit = rounding(job.currency());

        // §7 confidence
        double age = weightSum == 0 ? 0 : weightedMonths / weightSum;
        double raw = 0.4 * Math.min(1, sampleSum / 200) + 0.3 * Math.min(1, distinctSources / 3.0)
                + 0.3 * Math.min(1, Math.max(0, 1 - age / 24));
        int score = (int) Math.round(100 * raw);
        String label = score >= 70 ? "HIGH" : score >= 40 ? "MEDIUM" : "LOW";
        return new Quote(market, referencePoint, premium, round(min, unit), round(mid, unit), round(max, unit), score,
                label);
    }

    private static void add(double[] weighted, double[] weights, int k, Double value, double factor, double weight) {
        if (value != null) {
            weighted[k] += weight * (value * factor);
            weights[k] += weight;
        }
    }

    private static boolean contains(String[] values, int count, String value) {
        for (int i = 0; i < count; i++) {
            if (values[i].equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void raise(double[] market, int index, int floor) {
        if (!Double.isNaN(market[index]) && !Double.isNaN(market[floor]) && market[index] < market[floor]) {
            market[index] = market[floor];
        }
    }

    private static void lower(double[] market, int index, int ceiling) {
        if (!Double.isNaN(market[index]) && !Double.isNaN(market[ceiling]) && market[index] > market[ceiling]) {
            market[index] = market[ceiling];
        }
    }

    private static double at(double[] market, double t) {
        for (int i = 0; i < PERCENTILES.length; i++) {
            if (t == PERCENTILES[i]) {
                return market[i];
            }
            if (i + 1 < PERCENTILES.length && t > PERCENTILES[i] && t < PERCENTILES[i + 1]) {
                return market[i] + (market[i + 1] - market[i]) * (t - PERCENTILES[i])
                        / (PERCENTILES[i + 1] - PERCENTILES[i]);
            }
        }
        return Double.NaN;
    }

    /** Half-up to a multiple of {@code unit}. */
    private static double round(double value, double unit) {
        return Math.floor(value / unit + 0.5) * unit;
    }

    private static double levelFactor(String level) {
        return switch (level) {
            case "IC1" -> 0.70;
            case "IC2" -> 0.85;
            case "IC3" -> 1.00;
            case "IC4" -> 1.20;
            case "IC5" -> 1.45;
            case "IC6" -> 1.75;
            case "M1" -> 1.15;
            case "M2" -> 1.35;
            case "M3" -> 1.60;
            case "M4" -> 1.90;
            case "M5" -> 2.30;
            default -> throw new IllegalArgumentException("UNKNOWN_LEVEL " + level);
        };
    }

    private static double spread(String level) {
        return switch (level) {
            case "IC1", "IC2" -> 0.40;
            case "IC3", "IC4", "M1", "M2" -> 0.50;
            case "IC5", "IC6", "M3" -> 0.60;
            case "M4", "M5" -> 0.70;
            default -> throw new IllegalArgumentException("UNKNOWN_LEVEL " + level);
        };
    }

    private static double areaIndex(String area) {
        return switch (area) {
            case "US-NYC" -> 1.20;
            case "US-SFO" -> 1.25;
            case "US-AUS" -> 0.95;
            default -> 1.0;
        };
    }

    private static int minSample(SourceType type) {
        return switch (type) {
            case SURVEY -> 10;
            case GOVERNMENT -> 30;
            case POSTINGS -> 5;
            case HRIS -> 3;
        };
    }

    private static double sourceWeight(SourceType type) {
        return switch (type) {
            case SURVEY -> 1.0;
            case GOVERNMENT -> 0.8;
            case POSTINGS -> 0.6;
            case HRIS -> 0.4;
        };
    }

    private static double annualize(PayPeriod period) {
        return switch (period) {
            case ANNUAL -> 1;
            case MONTHLY -> 12;
            case HOURLY -> 2080;
        };
    }

    private static double skillPremium(String skill) {
        return switch (skill.strip().toLowerCase(Locale.ROOT)) {
            case "kubernetes" -> 0.05;
            case "machine learning" -> 0.08;
            case "rust" -> 0.04;
            case "security clearance" -> 0.10;
            case "sap" -> 0.06;
            default -> 0;
        };
    }

    private static double rounding(String currency) {
        return switch (currency) {
            case "USD", "EUR", "GBP" -> 500;
            case "JPY" -> 10000;
            default -> 100;
        };
    }
}
