package org.jobpricing.server.postings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jobpricing.server.api.IsoCountry;
import org.jobpricing.server.api.IsoCurrency;
import org.jobpricing.server.structures.StructureViews.RuleView;

/** Requests and answers of {@code /api/v1/postings}. */
public final class PostingViews {

    private PostingViews() {}

    static final String PERIODS = "ANNUAL|HOURLY|MONTHLY";

    /** The range to publish for a quote (or a published grade) at these work locations. */
    public record RangeRequest(
            @Size(max = 64) String quoteId,
            @Size(max = 36) String structureId,
            @Min(1) @Max(30) Integer grade,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid LocationRequest> locations,
            @Min(1) @Max(10_000_000) Integer employees,

            @Pattern(regexp = PERIODS, message = "must be ANNUAL, HOURLY or MONTHLY")
            String period,

            @Valid RangeProposal range,
            @Size(max = 2000) String benefits,
            LocalDate applicationDeadline,
            @Size(max = 2000) String note) {}

    /** A work location: ISO country, state or region (CO, NY), city. */
    public record LocationRequest(
            @NotBlank @IsoCountry String country,
            @Size(max = 60) String region,
            @Size(max = 100) String city) {
        public Posting.Location location() {
            return new Posting.Location(country, blank(region), blank(city));
        }
    }

    /** A range the employer proposes; null min or max is an open-ended range (refused). */
    public record RangeProposal(
            @PositiveOrZero @DecimalMax("1e12") BigDecimal min,
            @PositiveOrZero @DecimalMax("1e12") BigDecimal max,
            @IsoCurrency String currency,

            @Pattern(regexp = PERIODS, message = "must be ANNUAL, HOURLY or MONTHLY")
            String period) {}

    public record LocationView(String country, String region, String city, String label) {
        static LocationView of(Posting.Location l) {
            return new LocationView(l.country(), l.region(), l.city(), l.label());
        }
    }

    public record BandView(BigDecimal min, BigDecimal mid, BigDecimal max, String currency) {}

    public record RangeView(
            String id,
            String jurisdiction,
            String name,
            String law,
            LocationView location,
            boolean required,
            String currency,
            String period,
            BigDecimal min,
            BigDecimal max,
            String sentence,
            RuleView requirementRule,
            RuleView widthRule,
            String rulesetVersion,
            Posting.Criteria criteria) {
        public static RangeView of(Posting.PostedRange r) {
            return new RangeView(
                    r.id(),
                    r.jurisdiction(),
                    r.name(),
                    r.law(),
                    LocationView.of(r.location()),
                    r.required(),
                    r.currency(),
                    r.period(),
                    money(r.min()),
                    money(r.max()),
                    r.sentence(),
                    RuleView.of(r.requirementRule()),
                    RuleView.of(r.widthRule()),
                    r.rulesetVersion(),
                    r.criteria());
        }
    }

    public record PostingView(
            String postingId,
            Instant createdAt,
            String createdBy,
            String quoteId,
            String structureId,
            Integer grade,
            BandView band,
            List<RangeView> ranges,
            List<LocationView> unregulated,
            String rulesetVersion) {
        public static PostingView of(Posting p) {
            return new PostingView(
                    p.postingId(),
                    p.createdAt(),
                    p.createdBy(),
                    p.quoteId(),
                    p.structureId(),
                    p.grade(),
                    new BandView(
                            money(p.band().min()),
                            money(p.band().mid()),
                            money(p.band().max()),
                            p.band().currency()),
                    p.ranges().stream().map(RangeView::of).toList(),
                    p.unregulated().stream().map(LocationView::of).toList(),
                    p.rulesetVersion());
        }
    }

    public record RangeList(int limit, int offset, List<RangeView> items) {}

    /** A job ad's text and its work locations. */
    public record CheckRequest(
            @NotBlank @Size(max = 100_000) String text,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid LocationRequest> locations,
            @Min(1) @Max(10_000_000) Integer employees) {}

    public record FigureView(
            String text, BigDecimal min, BigDecimal max, String currency, String period, boolean openEnded) {}

    public record JurisdictionView(
            String location, String jurisdiction, String name, String law, boolean required, RuleView rule) {}

    public record FindingView(
            String location,
            String jurisdiction,
            String name,
            String law,
            String code,
            String message,
            RuleView rule) {}

    public record CheckView(
            boolean compliant,
            List<FindingView> findings,
            List<FigureView> figures,
            boolean benefits,
            boolean deadline,
            List<JurisdictionView> jurisdictions,
            List<LocationView> unregulated,
            String rulesetVersion) {
        public static CheckView of(PostingChecker.Result r) {
            return new CheckView(
                    r.compliant(),
                    r.findings().stream()
                            .map(f -> new FindingView(
                                    f.location(),
                                    f.jurisdiction(),
                                    f.name(),
                                    f.law(),
                                    f.code(),
                                    f.message(),
                                    RuleView.of(f.rule())))
                            .toList(),
                    r.figures().stream().map(PostingViews::figure).toList(),
                    r.benefits(),
                    r.deadline(),
                    r.jurisdictions().stream()
                            .map(a -> new JurisdictionView(
                                    a.location(),
                                    a.jurisdiction().code(),
                                    a.jurisdiction().name(),
                                    a.jurisdiction().law(),
                                    a.required(),
                                    RuleView.of(a.jurisdiction().rule())))
                            .toList(),
                    r.unregulated().stream().map(LocationView::of).toList(),
                    r.rulesetVersion());
        }
    }

    static FigureView figure(AdText.Figure f) {
        return new FigureView(f.text(), money(f.min()), money(f.max()), f.currency(), f.period(), f.openEnded());
    }

    static BigDecimal money(Double v) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
