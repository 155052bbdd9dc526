package org.jobpricing.server.structures;

import java.util.List;
import org.jobpricing.server.structures.PayStructure.Grade;
import org.jobpricing.server.structures.PayStructure.SlottedJob;

/**
 * A structure against the market: per grade, the market reference points of the jobs slotted in it
 * (lowest, highest, mean) and how far the grade's mid is from their mean; per job, its deviation.
 */
public record MarketComparison(PayStructure structure, List<GradeRow> grades, Summary summary) {

    /**
     * One grade and its jobs' market figures; {@code midToMarket} = mid / market mean − 1, null (like the
     * market figures) for a grade without jobs.
     */
    public record GradeRow(
            Grade grade,
            int jobs,
            int outside,
            Double marketLow,
            Double marketHigh,
            Double marketMean,
            Double midToMarket) {}

    /** All jobs: how many, how many outside their grade's tolerance, the mean of |deviation|. */
    public record Summary(int jobs, int outside, double meanAbsoluteDeviation) {}

    public static MarketComparison of(PayStructure s) {
        List<GradeRow> rows = s.grades().stream()
                .map(g -> {
                    List<SlottedJob> in = s.jobs().stream()
                            .filter(j -> j.grade() == g.grade())
                            .toList();
                    if (in.isEmpty()) {
                        return new GradeRow(g, 0, 0, null, null, null, null);
                    }
                    double mean = in.stream()
                            .mapToDouble(j -> j.job().marketReferencePoint())
                            .average()
                            .orElseThrow();
                    return new GradeRow(
                            g,
                            in.size(),
                            (int) in.stream().filter(SlottedJob::outside).count(),
                            in.stream()
                                    .mapToDouble(j -> j.job().marketReferencePoint())
                                    .min()
                                    .orElseThrow(),
                            in.stream()
                                    .mapToDouble(j -> j.job().marketReferencePoint())
                                    .max()
                                    .orElseThrow(),
                            mean,
                            g.mid() / mean - 1);
                })
                .toList();
        Summary summary = new Summary(
                s.jobs().size(),
                (int) s.jobs().stream().filter(SlottedJob::outside).count(),
                s.jobs().stream()
                        .mapToDouble(j -> Math.abs(j.deviation()))
                        .average()
                        .orElse(0));
        return new MarketComparison(s, rows, summary);
    }
}
