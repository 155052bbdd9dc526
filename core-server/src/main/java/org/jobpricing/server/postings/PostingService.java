package org.jobpricing.server.postings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.core.PricingService;
import org.jobpricing.server.db.PostingRangeDao;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.postings.Posting.Band;
import org.jobpricing.server.postings.Posting.Criteria;
import org.jobpricing.server.postings.Posting.Location;
import org.jobpricing.server.postings.Posting.PostedRange;
import org.jobpricing.server.postings.Posting.ProposedRange;
import org.jobpricing.server.rules.RuleEngine;
import org.jobpricing.server.structures.GradeLookup;
import org.jobpricing.server.structures.PayException;
import org.jobpricing.server.structures.PayPolicy;
import org.jobpricing.server.structures.PayStructure;

/**
 * The pay range to publish in a job posting, per jurisdiction of its work locations (pricing method
 * §13): from a quote's band or a published grade, placed by the posting-width table, checked against
 * the posting-requirements table, phrased as a ready sentence and stored with its criteria.
 */
public final class PostingService {

    /** What to publish: a quote or a grade, the work locations, and what the laws ask the employer for. */
    public record RangeCommand(
            String quoteId,
            String structureId,
            Integer grade,
            List<Location> locations,
            Integer employees,
            String period,
            ProposedRange range,
            String benefits,
            LocalDate applicationDeadline,
            String note) {}

    private final PostingRangeDao dao;
    private final PricingService pricing;
    private final GradeLookup structures;
    private final RuleEngine engine;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public PostingService(
            PostingRangeDao dao,
            PricingService pricing,
            GradeLookup structures,
            RuleEngine engine,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.dao = dao;
        this.pricing = pricing;
        this.structures = structures;
        this.engine = engine;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The band's source: the quote or the grade, and what the criteria record about the job. */
    private record Source(Band band, Criteria criteria) {}

    public Posting ranges(RangeCommand command, String author, AuditLog.Origin origin) {
        Source source = source(command);
        PayPolicy policy = new PayPolicy(engine.active());
        String period = command.period() == null ? "ANNUAL" : command.period();
        double perYear = switch (period) {
            case "HOURLY" -> policy.hoursPerYear();
            case "MONTHLY" -> 12;
            default -> 1;
        };
        Band band = source.band();
        double unit = policy.rounding(band.currency()).unit();
        List<PayException.Detail> problems = new ArrayList<>();
        List<PostedRange> ranges = new ArrayList<>();
        List<Location> unregulated = new ArrayList<>();
        String postingId = UUID.randomUUID().toString();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int i = 0; i < command.locations().size(); i++) {
            Location location = command.locations().get(i);
            String at = "locations[" + i + "]";
            List<PayPolicy.Jurisdiction> found =
                    policy.jurisdictions(location.country(), location.region(), location.city());
            if (found.isEmpty()) {
                unregulated.add(location);
            }
            for (PayPolicy.Jurisdiction j : found) {
                Checks checks = new Checks(problems, at, j);
                boolean required = command.employees() == null || command.employees() >= j.minEmployees();
                PayPolicy.Width width = policy.width(j.code());
                if (!j.periods().isEmpty() && !j.periods().contains(period)) {
                    checks.refuse(
                            "period",
                            "UNIT_MISMATCH",
                            "a range per " + period + " is not allowed; " + j.name() + " takes "
                                    + String.join(" or ", j.periods()));
                }
                if (j.currency() != null && !j.currency().equals(band.currency())) {
                    checks.refuse(
                            "currency",
                            "CURRENCY_MISMATCH",
                            "the band is in " + band.currency() + ", a posting in " + j.name() + " states pay in "
                                    + j.currency());
                }
                double min;
                double max;
                Double lower = null;
                Double upper = null;
                ProposedRange proposed = command.range();
                if (proposed != null) {
                    String currency = proposed.currency() == null ? band.currency() : proposed.currency();
                    String unitOfRange = proposed.period() == null ? period : proposed.period();
                    if (proposed.min() == null || proposed.max() == null) {
                        checks.refuse(
                                "range",
                                "OPEN_ENDED_RANGE",
                                "an open-ended range (" + (proposed.min() == null ? "no minimum" : "no maximum")
                                        + ") does not meet " + j.law());
                    } else if (proposed.min() > proposed.max()) {
                        checks.refuse(
                                "range",
                                "MIN_ABOVE_MAX",
                                "the minimum " + proposed.min() + " is above the maximum " + proposed.max());
                    }
                    if (!currency.equals(band.currency())) {
                        checks.refuse(
                                "range.currency",
                                "CURRENCY_MISMATCH",
                                "the range is in " + currency + ", the band in " + band.currency());
                    }
                    if (!unitOfRange.equals(period)) {
                        checks.refuse(
                                "range.period",
                                "UNIT_MISMATCH",
                                "the range is per " + unitOfRange + ", the posting states pay per " + period);
                    }
                    if (!checks.clean()) {
                        continue;
                    }
                    min = proposed.min();
                    max = proposed.max();
                    double annualMin = min * perYear;
                    double annualMax = max * perYear;
                    // a cent of conversion noise is no reason to refuse an hourly range at the band's edge
                    double slack = perYear;
                    if (annualMin < band.min() - slack || annualMax > band.max() + slack) {
                        checks.refuse(
                                "range",
                                "OUTSIDE_BAND",
                                "the range " + plain(annualMin) + "-" + plain(annualMax)
                                        + " a year is outside the band " + plain(band.min()) + "-" + plain(band.max()));
                    }
                    double share = band.max() > band.min() ? (annualMax - annualMin) / (band.max() - band.min()) : 0;
                    if (share > width.maxWidth() + 1e-9) {
                        checks.refuseByRule(
                                "range",
                                "RANGE_TOO_WIDE",
                                "the range spans " + percent(share) + " of the band; the posting width policy allows "
                                        + percent(width.maxWidth()),
                                width.rule());
                    }
                } else {
                    lower = width.lower();
                    upper = width.upper();
                    if (lower > upper) {
                        checks.refuseByRule(
                                "range",
                                "MIN_ABOVE_MAX",
                                "the posting width table puts the range from " + lower + " to " + upper
                                        + " of the band: the minimum would be above the maximum",
                                width.rule());
                        continue;
                    }
                    double span = band.max() - band.min();
                    double annualMin = PayPolicy.roundTo(band.min() + lower * span, unit);
                    double annualMax = PayPolicy.roundTo(band.min() + upper * span, unit);
                    min = perPeriod(annualMin, perYear, unit);
                    max = perPeriod(annualMax, perYear, unit);
                }
                if (required) {
                    if (j.benefitsRequired()
                            && (command.benefits() == null || command.benefits().isBlank())) {
                        checks.refuse(
                                "benefits",
                                "MISSING_BENEFITS",
                                j.name() + " requires a general description of benefits and other compensation");
                    }
                    if (j.deadlineRequired() && command.applicationDeadline() == null) {
                        checks.refuse(
                                "applicationDeadline",
                                "MISSING_DEADLINE",
                                j.name() + " requires the date applications close");
                    }
                    if (j.deadlineRequired()
                            && command.applicationDeadline() != null
                            && command.applicationDeadline().isBefore(today)) {
                        checks.refuse(
                                "applicationDeadline",
                                "DEADLINE_PASSED",
                                "the application deadline " + command.applicationDeadline() + " is in the past");
                    }
                }
                if (!checks.clean()) {
                    continue;
                }
                Map<String, String> rules = new LinkedHashMap<>();
                if (j.rule() != null) {
                    rules.put("requirement", j.rule().name());
                }
                if (width.rule() != null) {
                    rules.put("width", width.rule().name());
                }
                Criteria c = source.criteria();
                Criteria criteria = new Criteria(
                        c.quoteId(),
                        c.structureId(),
                        c.structureName(),
                        c.structureVersion(),
                        c.grade(),
                        c.title(),
                        c.occupationCode(),
                        c.level(),
                        c.country(),
                        c.area(),
                        c.asOf(),
                        c.marketReferencePoint(),
                        c.sources(),
                        c.pricingRulesetVersion(),
                        band,
                        lower,
                        upper,
                        proposed,
                        command.employees(),
                        blankToNull(command.benefits()),
                        command.applicationDeadline(),
                        blankToNull(command.note()),
                        rules);
                ranges.add(new PostedRange(
                        UUID.randomUUID().toString(),
                        j.code(),
                        j.name(),
                        j.law(),
                        location,
                        required,
                        band.currency(),
                        period,
                        min,
                        max,
                        Sentences.of(j, band.currency(), period, min, max, command),
                        j.rule(),
                        width.rule(),
                        policy.version(),
                        criteria));
            }
        }
        if (!problems.isEmpty()) {
            audit.failure(
                    author,
                    "posting.ranges",
                    "posting:" + postingId,
                    origin,
                    problems.size() + " problems: "
                            + String.join(
                                    "; ",
                                    problems.stream()
                                            .map(p -> p.jurisdiction() + " " + p.message())
                                            .toList()));
            PayException.Detail first = problems.get(0);
            throw PayException.of(
                    PayException.Kind.INVALID,
                    "POSTING_RANGE_REFUSED",
                    first.jurisdiction() + " (" + (first.rule() == null ? "" : first.rule() + ", ") + first.file()
                            + " line " + first.line() + "): " + first.message()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                    problems);
        }
        Instant now = clock.instant();
        Posting posting = new Posting(
                postingId,
                now,
                author,
                command.quoteId(),
                command.structureId(),
                command.grade(),
                band,
                ranges,
                unregulated,
                policy.version());
        store(posting);
        audit.success(
                author,
                "posting.ranges",
                "posting:" + postingId,
                origin,
                ranges.size() + " ranges ("
                        + String.join(
                                ", ",
                                ranges.stream()
                                        .map(r -> r.jurisdiction() + " " + plain(r.min()) + "-" + plain(r.max()))
                                        .toList())
                        + ") for "
                        + (command.quoteId() != null
                                ? "quote " + command.quoteId()
                                : "grade " + command.grade() + " of structure " + command.structureId())
                        + ", rules " + policy.version());
        return posting;
    }

    /** A stored posting: its ranges in the order they were answered. */
    public Posting find(String postingId) {
        List<PostingRangeDao.Row> rows = dao.posting(postingId);
        if (rows.isEmpty()) {
            throw PayException.notFound("posting", "id", postingId);
        }
        List<PostedRange> ranges = rows.stream().map(this::read).toList();
        PostingRangeDao.Row first = rows.get(0);
        return new Posting(
                postingId,
                first.createdAt().toInstant(),
                first.createdBy(),
                first.quoteId(),
                first.structureId(),
                first.grade(),
                ranges.get(0).criteria().band(),
                ranges,
                List.of(),
                first.rulesetVersion());
    }

    /** Stored ranges, newest first, of one quote or of all. */
    public List<PostedRange> latest(String quoteId, int limit, int offset) {
        return dao.latest(quoteId, limit, offset).stream().map(this::read).toList();
    }

    private Source source(RangeCommand command) {
        boolean byQuote = command.quoteId() != null;
        boolean byGrade = command.structureId() != null || command.grade() != null;
        if (byQuote == byGrade) {
            throw PayException.invalid(
                    "QUOTE_OR_GRADE", "body", "a posting range is for a quoteId, or for a structureId and grade");
        }
        if (byQuote) {
            QuoteResponse quote;
            try {
                quote = pricing.find(command.quoteId());
            } catch (DomainException e) {
                throw PayException.invalid("QUOTE_NOT_FOUND", "quoteId", "no quote has the id " + command.quoteId());
            }
            Band band = new Band(
                    quote.band().min().doubleValue(),
                    quote.band().mid().doubleValue(),
                    quote.band().max().doubleValue(),
                    quote.currency());
            return new Source(
                    band,
                    new Criteria(
                            quote.id(),
                            null,
                            null,
                            null,
                            null,
                            quote.title(),
                            quote.occupationCode(),
                            quote.level(),
                            quote.country(),
                            quote.area(),
                            quote.asOf(),
                            quote.marketReferencePoint() == null
                                    ? null
                                    : quote.marketReferencePoint().doubleValue(),
                            quote.observations().stream()
                                    .filter(QuoteResponse.ObservationUse::included)
                                    .map(QuoteResponse.ObservationUse::sourceId)
                                    .distinct()
                                    .toList(),
                            quote.rulesetVersion(),
                            band,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Map.of()));
        }
        if (command.structureId() == null || command.grade() == null) {
            throw PayException.invalid(
                    "GRADE_REQUIRED",
                    command.structureId() == null ? "structureId" : "grade",
                    "a posting range for a grade needs both structureId and grade");
        }
        PayStructure structure = structures
                .structure(command.structureId())
                .orElseThrow(() -> PayException.invalid(
                        "STRUCTURE_NOT_FOUND", "structureId", "no structure has the id " + command.structureId()));
        if (structure.status() != PayStructure.Status.PUBLISHED) {
            throw PayException.of(
                    PayException.Kind.CONFLICT,
                    "STRUCTURE_NOT_PUBLISHED",
                    structure.name() + " v" + structure.version() + " is " + structure.status()
                            + ": postings use the published version",
                    List.of(PayException.Detail.of("structureId", "publish this version first")));
        }
        PayStructure.Grade grade = structure
                .grade(command.grade())
                .orElseThrow(() -> PayException.invalid(
                        "NO_SUCH_GRADE", "grade", "the structure has no grade " + command.grade()));
        Band band = new Band(grade.min(), grade.mid(), grade.max(), structure.currency());
        List<PayStructure.SlottedJob> jobs = structure.jobs().stream()
                .filter(j -> j.grade() == grade.grade())
                .toList();
        return new Source(
                band,
                new Criteria(
                        null,
                        structure.id(),
                        structure.name(),
                        structure.version(),
                        grade.grade(),
                        null,
                        null,
                        null,
                        null,
                        structure.area(),
                        null,
                        null,
                        jobs.stream().map(j -> "quote:" + j.job().quoteId()).toList(),
                        structure.rulesetVersion(),
                        band,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of()));
    }

    /** An annual figure per period: hourly to the cent, monthly to the whole unit, annual as rounded. */
    private static double perPeriod(double annual, double perYear, double unit) {
        if (perYear == 1) {
            return annual;
        }
        int scale = perYear > 12 ? 2 : 0;
        return BigDecimal.valueOf(annual / perYear)
                .setScale(scale, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private void store(Posting posting) {
        List<PostingRangeDao.Row> rows = new ArrayList<>();
        for (int i = 0; i < posting.ranges().size(); i++) {
            PostedRange r = posting.ranges().get(i);
            try {
                rows.add(new PostingRangeDao.Row(
                        r.id(),
                        posting.postingId(),
                        i,
                        Timestamp.from(posting.createdAt()),
                        posting.createdBy(),
                        posting.quoteId(),
                        posting.structureId(),
                        posting.grade(),
                        r.jurisdiction(),
                        r.location().label(),
                        r.currency(),
                        r.period(),
                        BigDecimal.valueOf(r.min()).setScale(2, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(r.max()).setScale(2, RoundingMode.HALF_UP),
                        r.sentence(),
                        r.rulesetVersion(),
                        json.writeValueAsString(r)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("posting range could not be serialised", e);
            }
        }
        if (!rows.isEmpty()) {
            dao.insertAll(rows);
        }
    }

    private PostedRange read(PostingRangeDao.Row row) {
        try {
            return json.readValue(row.criteriaJson(), PostedRange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored posting range " + row.id() + " is unreadable", e);
        }
    }

    /** Collects one jurisdiction's problems, each naming the jurisdiction and its requirement row. */
    private static final class Checks {
        private final List<PayException.Detail> problems;
        private final String at;
        private final PayPolicy.Jurisdiction j;
        private boolean clean = true;

        Checks(List<PayException.Detail> problems, String at, PayPolicy.Jurisdiction j) {
            this.problems = problems;
            this.at = at;
            this.j = j;
        }

        void refuse(String field, String code, String message) {
            refuseByRule(field, code, message, j.rule());
        }

        void refuseByRule(String field, String code, String message, PayPolicy.Rule rule) {
            clean = false;
            problems.add(new PayException.Detail(
                    field.equals("range")
                                    || field.startsWith("range.")
                                    || field.equals("benefits")
                                    || field.equals("applicationDeadline")
                                    || field.equals("period")
                            ? field
                            : at + "." + field,
                    code + ": " + message + " (" + at + ", " + j.name() + ", " + j.law() + ")",
                    j.code(),
                    rule == null ? null : rule.name(),
                    rule == null ? null : rule.file(),
                    rule == null ? null : rule.line()));
        }

        boolean clean() {
            return clean;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100)
                        .setScale(1, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString() + " %";
    }
}
