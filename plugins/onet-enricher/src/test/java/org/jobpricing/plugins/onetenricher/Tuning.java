package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the matcher's weights and fits its calibration on fold 0 of the reported titles (held out of
 * the index), each title weighted by employment ({@link EvalTitle#jobWeighted}) so that the fit follows
 * jobs, as real titles do, not O*NET's list. Fold 1 and the hand-written sets are never looked at here.
 */
final class Tuning {

    private Tuning() {}

    private record Case(OccupationMatcher.Analysis analysis, EvalTitle title) {}

    private static List<Case> cases(OccupationMatcher matcher, List<EvalTitle> set) {
        return set.parallelStream()
                .map(t -> new Case(matcher.analyse(t.title(), null), t))
                .toList();
    }

    /** Grid search: the weights with the highest weighted top-1 + top-3 on {@code set}; ties keep the earlier. */
    static OccupationMatcher.Weights tune(OccupationMatcher matcher, List<EvalTitle> set) {
        List<Case> cases = cases(matcher, set);
        OccupationMatcher.Weights best = null;
        double bestScore = -1;
        double u = OccupationMatcher.DEFAULT.userDescription();
        double t = OccupationMatcher.DEFAULT.temperature();
        // a second, finer grid around the best of a first one (breadth 0.1-0.4, head 0-0.4, description
        // 0-0.3, prior 0-0.3, bag 0-0.9), which ended at the edge for the bag weight
        for (double breadth : new double[] {0, 0.1}) {
            for (double head : new double[] {0.1, 0.2, 0.3}) {
                for (double description : new double[] {0, 0.1}) {
                    for (double prior : new double[] {0.15, 0.2, 0.25}) {
                        for (double bag : new double[] {0.9, 1.2, 1.6}) {
                            OccupationMatcher.Weights w =
                                    new OccupationMatcher.Weights(breadth, head, description, prior, bag, u, t);
                            double[] a = accuracy(cases, w);
                            if (a[0] + a[1] > bestScore) {
                                bestScore = a[0] + a[1];
                                best = w;
                                System.out.printf(
                                        Locale.ROOT,
                                        "  tune: %s weighted top-1 %.3f top-3 %.3f; unweighted %.3f %.3f%n",
                                        w,
                                        a[0],
                                        a[1],
                                        a[2],
                                        a[3]);
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Weighted top-1, top-3, then unweighted top-1, top-3. */
    private static double[] accuracy(List<Case> cases, OccupationMatcher.Weights w) {
        double[] hits = cases.parallelStream()
                .map(c -> {
                    List<OccupationMatcher.Ranked> r = OccupationMatcher.rank(c.analysis(), w);
                    boolean top1 = !r.isEmpty()
                            && c.title().socs().contains(r.get(0).candidate().soc());
                    boolean top3 = r.stream()
                            .limit(3)
                            .anyMatch(
                                    x -> c.title().socs().contains(x.candidate().soc()));
                    double weight = c.title().weight();
                    return new double[] {top1 ? weight : 0, top3 ? weight : 0, top1 ? 1 : 0, top3 ? 1 : 0, weight};
                })
                .reduce(new double[5], (x, y) ->
                        new double[] {x[0] + y[0], x[1] + y[1], x[2] + y[2], x[3] + y[3], x[4] + y[4]});
        return new double[] {hits[0] / hits[4], hits[1] / hits[4], hits[2] / cases.size(), hits[3] / cases.size()};
    }

    /**
     * Fits the calibration on the top three candidates of every title of {@code set} (right or not, by its
     * weight), so that runner-ups are calibrated too. The softmax temperature is the one whose fit predicts
     * the other half of {@code set} best (weighted log loss, two-fold cross-fitting); it is printed when it
     * differs from the matcher's.
     */
    static Calibration calibrate(OccupationMatcher matcher, List<EvalTitle> set, OccupationMatcher.Weights weights) {
        List<Case> cases = cases(matcher, set);
        double bestT = weights.temperature();
        double bestLoss = Double.MAX_VALUE;
        for (double t : new double[] {0.05, 0.1, 0.2}) {
            OccupationMatcher.Weights w = withTemperature(weights, t);
            double loss = 0;
            for (int fold = 0; fold < 2; fold++) {
                Calibration c = fit(cases, w, fold, false);
                Sample test = sample(cases, w, fold, true);
                for (int i = 0; i < test.x.size(); i++) {
                    double p = Math.max(1e-9, Math.min(1 - 1e-9, c.probability(test.x.get(i))));
                    loss -= test.weight.get(i) * (test.right.get(i) ? Math.log(p) : Math.log(1 - p));
                }
            }
            System.out.printf(Locale.ROOT, "  calibrate: T %.2f cross-fitted weighted log loss %.1f%n", t, loss);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestT = t;
            }
        }
        if (bestT != weights.temperature()) {
            System.out.printf(
                    Locale.ROOT,
                    "  the best temperature is %.2f, not the matcher's %.2f: set it in OccupationMatcher.DEFAULT%n",
                    bestT,
                    weights.temperature());
        }
        return fit(cases, weights, -1, false);
    }

    private record Sample(List<double[]> x, List<Boolean> right, List<Double> weight) {}

    /** The top-3 candidates of the cases in {@code fold} (all when -1), or of the other fold when {@code other}. */
    private static Sample sample(List<Case> cases, OccupationMatcher.Weights w, int fold, boolean other) {
        Sample s = new Sample(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < cases.size(); i++) {
            boolean in = fold < 0 || (i % 2 == fold) != other;
            if (!in) {
                continue;
            }
            Case c = cases.get(i);
            List<OccupationMatcher.Ranked> ranked = OccupationMatcher.rank(c.analysis(), w);
            for (OccupationMatcher.Ranked r : ranked.subList(0, Math.min(3, ranked.size()))) {
                s.x.add(Calibration.inputs(r.candidate(), r.raw()));
                s.right.add(c.title().socs().contains(r.candidate().soc()));
                s.weight.add(c.title().weight());
            }
        }
        return s;
    }

    private static Calibration fit(List<Case> cases, OccupationMatcher.Weights w, int fold, boolean other) {
        Sample s = sample(cases, w, fold, other);
        boolean[] right = new boolean[s.right.size()];
        double[] weight = new double[s.weight.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = s.right.get(i);
            weight[i] = s.weight.get(i);
        }
        return Calibration.fit(s.x, right, weight);
    }

    private static OccupationMatcher.Weights withTemperature(OccupationMatcher.Weights w, double t) {
        return new OccupationMatcher.Weights(
                w.breadth(), w.head(), w.description(), w.prior(), w.bag(), w.userDescription(), t);
    }
}
