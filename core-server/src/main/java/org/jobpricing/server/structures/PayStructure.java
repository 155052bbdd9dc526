package org.jobpricing.server.structures;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a named salary structure: its grades (min, mid, max in one currency), the priced
 * jobs slotted into them, how it was built and the rule version its spreads and rounding came from.
 * Versions are immutable; an edit makes the next version.
 */
public record PayStructure(
        String id,
        String name,
        int version,
        String parentId,
        Status status,
        Method method,
        String currency,
        String area,
        String geoTier,
        Double progression,
        RegressionFit fit,
        List<Grade> grades,
        List<SlottedJob> jobs,
        double rounding,
        String rulesetVersion,
        String note,
        Instant createdAt,
        String createdBy,
        Instant publishedAt,
        String publishedBy) {

    /** How the grade mids were set. */
    public enum Method {
        /** A fixed percentage between consecutive mids. */
        PROGRESSION,
        /** ln(market mid) fitted on a job-size or level score, grades evenly spaced on the score. */
        REGRESSION
    }

    /** A draft, the published version of its name, or a version a later publish retired. */
    public enum Status {
        DRAFT,
        PUBLISHED,
        RETIRED
    }

    /**
     * One grade, numbered from 1 (lowest). Spread is (max − min) / min and progression mid / previous
     * mid − 1, both of the rounded figures; progression is null for grade 1.
     */
    public record Grade(
            int grade,
            double min,
            double mid,
            double max,
            double spread,
            Double progression,
            double slotTolerance,
            Double score,
            boolean adjusted,
            PayPolicy.Rule spreadRule) {}

    /** A priced job: where its market reference point came from. */
    public record PricedJob(
            String quoteId,
            String title,
            String occupationCode,
            String level,
            String country,
            String area,
            String currency,
            double marketReferencePoint,
            Double score,
            String rulesetVersion) {}

    /**
     * A job in its grade: deviation = market reference point / grade mid − 1; outside when its size
     * exceeds the grade's slot tolerance; moved when a person put it there.
     */
    public record SlottedJob(PricedJob job, int grade, double deviation, boolean outside, boolean moved) {}

    /** The regression ln(mid) = intercept + slope × score over the jobs, and its fit. */
    public record RegressionFit(double intercept, double slope, double rSquared, double scoreFrom, double scoreTo) {
        /** The fitted mid at {@code score}. */
        public double at(double score) {
            return Math.exp(intercept + slope * score);
        }
    }

    public Optional<Grade> grade(int number) {
        return grades.stream().filter(g -> g.grade() == number).findFirst();
    }

    public Optional<SlottedJob> job(String quoteId) {
        return jobs.stream().filter(j -> j.job().quoteId().equals(quoteId)).findFirst();
    }
}
