package org.jobpricing.server.structures;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.jobpricing.server.api.IsoCurrency;
import org.jobpricing.server.api.PricingRequest;

/** Requests and answers of {@code /api/v1/structures}. Money has 2 decimals, shares and ratios 6. */
public final class StructureViews {

    private StructureViews() {}

    /** Builds a structure from priced jobs (method §13). */
    public record BuildRequest(
            @NotBlank @Size(max = 200) String name,
            @IsoCurrency String currency,

            @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an area code such as US-NYC")
            String area,

            @Size(max = 50) String geoTier,
            @NotNull PayStructure.Method method,
            @NotNull @Min(1) @Max(30) Integer grades,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
            Double progression,

            @Positive @DecimalMax("1e12") Double firstMid,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid JobRequest> jobs,
            @Size(max = 2000) String note) {}

    /** One job: a stored quote's id, or a pricing request priced now; its score for a regression. */
    public record JobRequest(
            @Size(max = 64) String quoteId,
            @Valid PricingRequest request,
            @DecimalMin("-1e9") @DecimalMax("1e9") Double score) {}

    /** Makes the next version: jobs moved, grades with new figures. */
    public record EditRequest(
            @Size(max = 500) List<@NotNull @Valid MoveRequest> moves,
            @Size(max = 30) List<@NotNull @Valid GradeRequest> grades,
            @Size(max = 2000) String note) {}

    public record MoveRequest(
            @NotBlank @Size(max = 64) String quoteId,
            @NotNull @Min(1) @Max(30) Integer grade) {}

    public record GradeRequest(
            @NotNull @Min(1) @Max(30) Integer grade,
            @NotNull @Positive @DecimalMax("1e12") BigDecimal min,
            @NotNull @Positive @DecimalMax("1e12") BigDecimal mid,
            @NotNull @Positive @DecimalMax("1e12") BigDecimal max) {}

    /** A table row that set a value: the rule, its file and line. */
    public record RuleView(String rule, String file, Integer line) {
        public static RuleView of(PayPolicy.Rule r) {
            return r == null ? null : new RuleView(r.name(), r.file(), r.line());
        }
    }

    public record GradeView(
            int grade,
            BigDecimal min,
            BigDecimal mid,
            BigDecimal max,
            BigDecimal spread,
            BigDecimal progression,
            BigDecimal slotTolerance,
            BigDecimal score,
            boolean adjusted,
            RuleView spreadRule) {
        public static GradeView of(PayStructure.Grade g) {
            return new GradeView(
                    g.grade(),
                    money(g.min()),
                    money(g.mid()),
                    money(g.max()),
                    ratio(g.spread()),
                    ratio(g.progression()),
                    ratio(g.slotTolerance()),
                    ratio(g.score()),
                    g.adjusted(),
                    RuleView.of(g.spreadRule()));
        }
    }

    public record JobView(
            String quoteId,
            String title,
            String occupationCode,
            String level,
            String country,
            String area,
            BigDecimal marketReferencePoint,
            BigDecimal score,
            int grade,
            BigDecimal gradeMid,
            BigDecimal deviation,
            boolean outside,
            boolean moved,
            String rulesetVersion) {
        static JobView of(PayStructure s, PayStructure.SlottedJob j) {
            PayStructure.PricedJob p = j.job();
            return new JobView(
                    p.quoteId(),
                    p.title(),
                    p.occupationCode(),
                    p.level(),
                    p.country(),
                    p.area(),
                    money(p.marketReferencePoint()),
                    ratio(p.score()),
                    j.grade(),
                    s.grade(j.grade()).map(g -> money(g.mid())).orElse(null),
                    ratio(j.deviation()),
                    j.outside(),
                    j.moved(),
                    p.rulesetVersion());
        }
    }

    /** ln(mid) = intercept + slope × score; r² of the fit; the scores the grades are spread over. */
    public record FitView(
            BigDecimal intercept, BigDecimal slope, BigDecimal rSquared, BigDecimal scoreFrom, BigDecimal scoreTo) {}

    public record StructureView(
            String id,
            String name,
            int version,
            String parentId,
            String status,
            String method,
            String currency,
            String area,
            String geoTier,
            BigDecimal progression,
            FitView fit,
            BigDecimal rounding,
            String rulesetVersion,
            String note,
            Instant createdAt,
            String createdBy,
            Instant publishedAt,
            String publishedBy,
            List<GradeView> grades,
            List<JobView> jobs,
            int jobsOutside) {
        public static StructureView of(PayStructure s) {
            PayStructure.RegressionFit f = s.fit();
            return new StructureView(
                    s.id(),
                    s.name(),
                    s.version(),
                    s.parentId(),
                    s.status().name(),
                    s.method().name(),
                    s.currency(),
                    s.area(),
                    s.geoTier(),
                    ratio(s.progression()),
                    f == null
                            ? null
                            : new FitView(
                                    ratio(f.intercept()),
                                    ratio(f.slope()),
                                    ratio(f.rSquared()),
                                    ratio(f.scoreFrom()),
                                    ratio(f.scoreTo())),
                    money(s.rounding()),
                    s.rulesetVersion(),
                    s.note(),
                    s.createdAt(),
                    s.createdBy(),
                    s.publishedAt(),
                    s.publishedBy(),
                    s.grades().stream().map(GradeView::of).toList(),
                    s.jobs().stream().map(j -> JobView.of(s, j)).toList(),
                    (int) s.jobs().stream()
                            .filter(PayStructure.SlottedJob::outside)
                            .count());
        }
    }

    /** A structure version as listed. */
    public record StructureSummary(
            String id,
            String name,
            int version,
            String status,
            String method,
            String currency,
            int grades,
            int jobs,
            String rulesetVersion,
            Instant createdAt,
            String createdBy) {
        public static StructureSummary of(PayStructure s) {
            return new StructureSummary(
                    s.id(),
                    s.name(),
                    s.version(),
                    s.status().name(),
                    s.method().name(),
                    s.currency(),
                    s.grades().size(),
                    s.jobs().size(),
                    s.rulesetVersion(),
                    s.createdAt(),
                    s.createdBy());
        }
    }

    public record StructureList(long total, int limit, int offset, List<StructureSummary> items) {}

    /** One grade against its jobs' market reference points. */
    public record GradeComparison(
            int grade,
            BigDecimal min,
            BigDecimal mid,
            BigDecimal max,
            int jobs,
            int outside,
            BigDecimal marketLow,
            BigDecimal marketHigh,
            BigDecimal marketMean,
            BigDecimal midToMarket) {}

    public record ComparisonSummary(int jobs, int outside, BigDecimal meanAbsoluteDeviation) {}

    /** The structure against the market: per grade, then per job. */
    public record ComparisonView(
            String structureId,
            String name,
            int version,
            String currency,
            List<GradeComparison> grades,
            List<JobView> jobs,
            ComparisonSummary summary) {
        public static ComparisonView of(MarketComparison c) {
            PayStructure s = c.structure();
            return new ComparisonView(
                    s.id(),
                    s.name(),
                    s.version(),
                    s.currency(),
                    c.grades().stream()
                            .map(r -> new GradeComparison(
                                    r.grade().grade(),
                                    money(r.grade().min()),
                                    money(r.grade().mid()),
                                    money(r.grade().max()),
                                    r.jobs(),
                                    r.outside(),
                                    money(r.marketLow()),
                                    money(r.marketHigh()),
                                    money(r.marketMean()),
                                    ratio(r.midToMarket())))
                            .toList(),
                    s.jobs().stream().map(j -> JobView.of(s, j)).toList(),
                    new ComparisonSummary(
                            c.summary().jobs(),
                            c.summary().outside(),
                            ratio(c.summary().meanAbsoluteDeviation())));
        }
    }

    static BigDecimal money(Double v) {
        return v == null ? null : new BigDecimal(v).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(Double v) {
        return v == null ? null : new BigDecimal(v).setScale(6, RoundingMode.HALF_UP);
    }
}
