package org.jobpricing.server.structures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.jobpricing.server.structures.PayStructure.Grade;
import org.jobpricing.server.structures.PayStructure.Method;
import org.jobpricing.server.structures.PayStructure.PricedJob;
import org.jobpricing.server.structures.PayStructure.RegressionFit;
import org.jobpricing.server.structures.PayStructure.SlottedJob;

/**
 * The arithmetic of a salary structure (pricing method §13), with no storage and no HTTP: grade
 * mids by progression or regression, min and max from each grade's spread, rounding, slotting.
 */
public final class StructureBuilder {

    /** How to set the mids: method, number of grades, progression (PROGRESSION) and an optional first mid. */
    public record Spec(Method method, int grades, Double progression, Double firstMid) {}

    /** The grades, the jobs slotted into them and, for a regression, its fit. */
    public record Built(List<Grade> grades, List<SlottedJob> jobs, RegressionFit fit) {}

    private StructureBuilder() {}

    public static Built build(
            Spec spec, List<PricedJob> jobs, IntFunction<PayPolicy.GradePolicy> policy, double roundingUnit) {
        double[] mids = new double[spec.grades()];
        Double[] scores = new Double[spec.grades()];
        RegressionFit fit = null;
        if (spec.method() == Method.PROGRESSION) {
            double p = spec.progression();
            double first = spec.firstMid() != null
                    ? spec.firstMid()
                    : geometricMean(jobs) / Math.pow(1 + p, (spec.grades() - 1) / 2.0);
            for (int k = 0; k < mids.length; k++) {
                mids[k] = first * Math.pow(1 + p, k);
            }
        } else {
            fit = fit(jobs);
            for (int k = 0; k < mids.length; k++) {
                double score = mids.length == 1
                        ? (fit.scoreFrom() + fit.scoreTo()) / 2
                        : fit.scoreFrom() + k * (fit.scoreTo() - fit.scoreFrom()) / (mids.length - 1);
                scores[k] = score;
                mids[k] = fit.at(score);
            }
        }
        List<Grade> grades = new ArrayList<>();
        for (int k = 0; k < mids.length; k++) {
            PayPolicy.GradePolicy gp = policy.apply(k + 1);
            double s = gp.spread();
            double min = mids[k] * 2 / (2 + s);
            double max = min * (1 + s);
            grades.add(new Grade(
                    k + 1,
                    PayPolicy.roundTo(min, roundingUnit),
                    PayPolicy.roundTo(mids[k], roundingUnit),
                    PayPolicy.roundTo(max, roundingUnit),
                    0,
                    null,
                    gp.slotTolerance(),
                    scores[k],
                    false,
                    gp.rule()));
        }
        List<Grade> figured = refigure(grades);
        return new Built(figured, slot(figured, jobs), fit);
    }

    /** Spread and progression of each grade from its (rounded or adjusted) min, mid and max. */
    public static List<Grade> refigure(List<Grade> grades) {
        List<Grade> sorted =
                grades.stream().sorted(Comparator.comparingInt(Grade::grade)).toList();
        List<Grade> out = new ArrayList<>();
        Grade previous = null;
        for (Grade g : sorted) {
            double spread = (g.max() - g.min()) / g.min();
            Double progression = previous == null ? null : g.mid() / previous.mid() - 1;
            out.add(new Grade(
                    g.grade(),
                    g.min(),
                    g.mid(),
                    g.max(),
                    spread,
                    progression,
                    g.slotTolerance(),
                    g.score(),
                    g.adjusted(),
                    g.spreadRule()));
            previous = g;
        }
        return out;
    }

    /** Each job into the grade whose mid is closest to its market reference point (the lower grade on a tie). */
    public static List<SlottedJob> slot(List<Grade> grades, List<PricedJob> jobs) {
        List<SlottedJob> out = new ArrayList<>();
        for (PricedJob job : jobs) {
            Grade best = null;
            for (Grade g : grades) {
                if (best == null
                        || Math.abs(job.marketReferencePoint() - g.mid())
                                < Math.abs(job.marketReferencePoint() - best.mid())) {
                    best = g;
                }
            }
            out.add(assess(best, job, false));
        }
        return out;
    }

    /** The job in grade {@code grade}: its deviation from the mid and whether it is outside the tolerance. */
    public static SlottedJob assess(Grade grade, PricedJob job, boolean moved) {
        double deviation = job.marketReferencePoint() / grade.mid() - 1;
        // "more than" the tolerance: a job exactly 10 % off (up to float noise) is inside
        return new SlottedJob(
                job, grade.grade(), deviation, Math.abs(deviation) > grade.slotTolerance() + 1e-12, moved);
    }

    /** exp(mean(ln MRP)): the centre of the jobs' market reference points on a log scale. */
    public static double geometricMean(List<PricedJob> jobs) {
        return Math.exp(jobs.stream()
                .mapToDouble(j -> Math.log(j.marketReferencePoint()))
                .average()
                .orElseThrow());
    }

    /** Ordinary least squares of ln(market reference point) on the jobs' scores. */
    public static RegressionFit fit(List<PricedJob> jobs) {
        int n = jobs.size();
        double sx = 0;
        double sy = 0;
        for (PricedJob j : jobs) {
            sx += j.score();
            sy += Math.log(j.marketReferencePoint());
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PricedJob j : jobs) {
            double dx = j.score() - mx;
            double dy = Math.log(j.marketReferencePoint()) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            lo = Math.min(lo, j.score());
            hi = Math.max(hi, j.score());
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double r2 = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy);
        return new RegressionFit(intercept, slope, r2, lo, hi);
    }
}
