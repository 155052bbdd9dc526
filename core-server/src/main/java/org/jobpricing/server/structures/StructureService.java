package org.jobpricing.server.structures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.core.PricingService;
import org.jobpricing.server.db.StructureDao;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.rules.RuleEngine;
import org.jobpricing.server.structures.PayStructure.Grade;
import org.jobpricing.server.structures.PayStructure.Method;
import org.jobpricing.server.structures.PayStructure.PricedJob;
import org.jobpricing.server.structures.PayStructure.SlottedJob;
import org.jobpricing.server.structures.PayStructure.Status;

/**
 * Salary structures: built from priced jobs (stored quotes or requests priced now), edited into new
 * versions, published, compared with the market. Every change is audited.
 */
public final class StructureService implements GradeLookup {

    /** What to build: the structure's name and labels, the method and its numbers, and the jobs. */
    public record BuildCommand(
            String name,
            String currency,
            String area,
            String geoTier,
            Method method,
            int grades,
            Double progression,
            Double firstMid,
            List<JobInput> jobs,
            String note) {}

    /** A job: a stored quote, or a request to price now; a score for the regression. */
    public record JobInput(String quoteId, PricingRequest request, Double score) {}

    /** An edit: jobs moved to other grades and grades given new figures. */
    public record EditCommand(List<Move> moves, List<GradeChange> grades, String note) {}

    /** Puts the job priced by {@code quoteId} into grade {@code grade}. */
    public record Move(String quoteId, int grade) {}

    /** New min, mid and max of a grade. */
    public record GradeChange(int grade, double min, double mid, double max) {}

    /** A page of structure versions. */
    public record Page(long total, List<PayStructure> items) {}

    private final StructureDao dao;
    private final PricingService pricing;
    private final RuleEngine engine;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public StructureService(
            StructureDao dao,
            PricingService pricing,
            RuleEngine engine,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.dao = dao;
        this.pricing = pricing;
        this.engine = engine;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public PayStructure build(BuildCommand command, String author, AuditLog.Origin origin) {
        validate(command);
        List<PricedJob> jobs = price(command, author);
        String currency =
                command.currency() != null ? command.currency() : jobs.get(0).currency();
        for (int i = 0; i < jobs.size(); i++) {
            if (!jobs.get(i).currency().equals(currency)) {
                throw PayException.invalid(
                        "CURRENCY_MISMATCH",
                        "jobs[" + i + "]",
                        "the job is priced in " + jobs.get(i).currency() + ", the structure is in " + currency);
            }
        }
        PayPolicy policy = new PayPolicy(engine.active());
        PayPolicy.Rounding rounding = policy.rounding(currency);
        StructureBuilder.Built built = StructureBuilder.build(
                new StructureBuilder.Spec(
                        command.method(), command.grades(), command.progression(), command.firstMid()),
                jobs,
                policy::grade,
                rounding.unit());
        Instant now = clock.instant();
        PayStructure structure = new PayStructure(
                UUID.randomUUID().toString(),
                command.name().strip(),
                0,
                null,
                Status.DRAFT,
                command.method(),
                currency,
                command.area(),
                command.geoTier(),
                command.method() == Method.PROGRESSION ? command.progression() : null,
                built.fit(),
                built.grades(),
                built.jobs(),
                rounding.unit(),
                policy.version(),
                command.note(),
                now,
                author,
                null,
                null);
        PayStructure stored = insertNextVersion(structure);
        audit.success(
                author,
                "structure.build",
                "structure:" + stored.id(),
                origin,
                stored.name() + " v" + stored.version() + ": " + stored.grades().size() + " grades, "
                        + stored.jobs().size() + " jobs, " + stored.method() + ", rules " + stored.rulesetVersion());
        return stored;
    }

    public PayStructure edit(String id, EditCommand command, String author, AuditLog.Origin origin) {
        PayStructure base = get(id);
        Map<Integer, Grade> grades = new HashMap<>();
        base.grades().forEach(g -> grades.put(g.grade(), g));
        List<String> changes = new ArrayList<>();
        List<GradeChange> gradeChanges = command.grades() == null ? List.of() : command.grades();
        for (int i = 0; i < gradeChanges.size(); i++) {
            GradeChange c = gradeChanges.get(i);
            String at = "grades[" + i + "]";
            Grade g = grades.get(c.grade());
            if (g == null) {
                throw PayException.invalid("NO_SUCH_GRADE", at + ".grade", "the structure has no grade " + c.grade());
            }
            if (!(c.min() > 0) || !(c.min() <= c.mid()) || !(c.mid() <= c.max()) || !Double.isFinite(c.max())) {
                throw PayException.invalid(
                        "INVALID_GRADE",
                        at,
                        "a grade needs 0 < min <= mid <= max, got " + c.min() + " / " + c.mid() + " / " + c.max());
            }
            grades.put(
                    c.grade(),
                    new Grade(
                            g.grade(),
                            c.min(),
                            c.mid(),
                            c.max(),
                            0,
                            null,
                            g.slotTolerance(),
                            g.score(),
                            true,
                            g.spreadRule()));
            changes.add("grade " + c.grade() + " " + whole(g.min()) + "/" + whole(g.mid()) + "/" + whole(g.max())
                    + " -> " + whole(c.min()) + "/" + whole(c.mid()) + "/" + whole(c.max()));
        }
        List<Grade> refigured = StructureBuilder.refigure(new ArrayList<>(grades.values()));
        Map<String, Move> moves = new HashMap<>();
        List<Move> moveList = command.moves() == null ? List.of() : command.moves();
        for (int i = 0; i < moveList.size(); i++) {
            Move m = moveList.get(i);
            String at = "moves[" + i + "]";
            if (base.job(m.quoteId()).isEmpty()) {
                throw PayException.invalid("NO_SUCH_JOB", at + ".quoteId", "the structure has no job " + m.quoteId());
            }
            if (!grades.containsKey(m.grade())) {
                throw PayException.invalid("NO_SUCH_GRADE", at + ".grade", "the structure has no grade " + m.grade());
            }
            if (moves.put(m.quoteId(), m) != null) {
                throw PayException.invalid("DUPLICATE_MOVE", at + ".quoteId", "job " + m.quoteId() + " is moved twice");
            }
        }
        if (gradeChanges.isEmpty() && moveList.isEmpty()) {
            throw PayException.invalid("EMPTY_EDIT", "body", "an edit moves a job or adjusts a grade");
        }
        Map<Integer, Grade> byNumber = new HashMap<>();
        refigured.forEach(g -> byNumber.put(g.grade(), g));
        List<SlottedJob> jobs = new ArrayList<>();
        for (SlottedJob j : base.jobs()) {
            Move m = moves.get(j.job().quoteId());
            if (m != null) {
                changes.add("job " + j.job().quoteId() + " grade " + j.grade() + " -> " + m.grade());
            }
            int grade = m == null ? j.grade() : m.grade();
            jobs.add(StructureBuilder.assess(byNumber.get(grade), j.job(), j.moved() || m != null));
        }
        PayStructure next = new PayStructure(
                UUID.randomUUID().toString(),
                base.name(),
                0,
                base.id(),
                Status.DRAFT,
                base.method(),
                base.currency(),
                base.area(),
                base.geoTier(),
                base.progression(),
                base.fit(),
                refigured,
                jobs,
                base.rounding(),
                base.rulesetVersion(),
                command.note() == null ? base.note() : command.note(),
                clock.instant(),
                author,
                null,
                null);
        PayStructure stored = insertNextVersion(next);
        audit.success(
                author,
                "structure.edit",
                "structure:" + stored.id(),
                origin,
                stored.name() + " v" + base.version() + " -> v" + stored.version() + ": " + String.join("; ", changes));
        return stored;
    }

    public PayStructure publish(String id, String author, AuditLog.Origin origin) {
        PayStructure next = get(id);
        if (next.status() == Status.PUBLISHED) {
            audit.failure(author, "structure.publish", "structure:" + id, origin, "already published");
            throw PayException.of(
                    PayException.Kind.CONFLICT,
                    "ALREADY_PUBLISHED",
                    next.name() + " v" + next.version() + " is already the published version",
                    List.of(PayException.Detail.of("id", "this version is published")));
        }
        Optional<PayStructure> current = published(next.name());
        Instant now = clock.instant();
        PayStructure publishedNow = withStatus(next, Status.PUBLISHED, now, author);
        StructureDao.Row retired = current.map(
                        c -> row(withStatus(c, Status.RETIRED, c.publishedAt(), c.publishedBy())))
                .orElse(null);
        dao.publish(row(publishedNow), retired);
        audit.success(
                author,
                "structure.publish",
                "structure:" + id,
                origin,
                next.name() + " v" + next.version() + " published"
                        + current.map(c -> ", v" + c.version() + " retired").orElse(""));
        return publishedNow;
    }

    public PayStructure get(String id) {
        return structure(id).orElseThrow(() -> PayException.notFound("structure", "id", id));
    }

    @Override
    public Optional<PayStructure> structure(String structureId) {
        return dao.find(structureId).map(this::read);
    }

    @Override
    public Optional<PayStructure> published(String name) {
        return dao.published(name).map(this::read);
    }

    public Page list(int limit, int offset) {
        return new Page(
                dao.count(), dao.list(limit, offset).stream().map(this::read).toList());
    }

    private void validate(BuildCommand c) {
        if (c.method() == Method.PROGRESSION && c.progression() == null) {
            throw PayException.invalid(
                    "PROGRESSION_REQUIRED",
                    "progression",
                    "a PROGRESSION structure needs the progression between mids");
        }
        if (c.method() == Method.REGRESSION) {
            if (c.firstMid() != null) {
                throw PayException.invalid(
                        "FIRST_MID_NOT_USED", "firstMid", "a REGRESSION structure takes its mids from the fitted line");
            }
            Set<Double> scores = new HashSet<>();
            for (int i = 0; i < c.jobs().size(); i++) {
                Double score = c.jobs().get(i).score();
                if (score == null || !Double.isFinite(score)) {
                    throw PayException.invalid(
                            "SCORE_REQUIRED",
                            "jobs[" + i + "].score",
                            "a REGRESSION structure needs every job's score");
                }
                scores.add(score);
            }
            if (scores.size() < 2) {
                throw PayException.invalid(
                        "SCORES_ALL_EQUAL", "jobs", "a regression needs at least two different job scores");
            }
        }
        Set<String> quotes = new HashSet<>();
        for (int i = 0; i < c.jobs().size(); i++) {
            JobInput job = c.jobs().get(i);
            if ((job.quoteId() == null) == (job.request() == null)) {
                throw PayException.invalid(
                        "QUOTE_OR_REQUEST",
                        "jobs[" + i + "]",
                        "a job gives either quoteId or request, not both or none");
            }
            if (job.quoteId() != null && !quotes.add(job.quoteId())) {
                throw PayException.invalid(
                        "DUPLICATE_JOB", "jobs[" + i + "].quoteId", "quote " + job.quoteId() + " is listed twice");
            }
        }
    }

    private List<PricedJob> price(BuildCommand command, String author) {
        List<PricedJob> jobs = new ArrayList<>();
        for (int i = 0; i < command.jobs().size(); i++) {
            JobInput input = command.jobs().get(i);
            QuoteResponse quote;
            try {
                quote = input.quoteId() != null
                        ? pricing.find(input.quoteId())
                        : pricing.price(input.request(), author).quote();
            } catch (DomainException e) {
                String field = "jobs[" + i + "]" + (input.quoteId() != null ? ".quoteId" : ".request");
                throw PayException.of(
                        e instanceof CannotPriceException ? PayException.Kind.POLICY : PayException.Kind.INVALID,
                        e instanceof EntityNotFoundException ? "QUOTE_NOT_FOUND" : e.code(),
                        field + ": " + e.getMessage(),
                        List.of(PayException.Detail.of(field, e.getMessage())));
            }
            if (quote.marketReferencePoint() == null
                    || quote.marketReferencePoint().signum() <= 0) {
                throw PayException.invalid(
                        "NO_MARKET_REFERENCE",
                        "jobs[" + i + "]",
                        "quote " + quote.id() + " has no market reference point");
            }
            jobs.add(new PricedJob(
                    quote.id(),
                    quote.title(),
                    quote.occupationCode(),
                    quote.level(),
                    quote.country(),
                    quote.area(),
                    quote.currency(),
                    quote.marketReferencePoint().doubleValue(),
                    input.score(),
                    quote.rulesetVersion()));
        }
        return jobs;
    }

    /** Stores {@code s} as the next version of its name; two builds racing for one number: one retries. */
    private PayStructure insertNextVersion(PayStructure s) {
        for (int attempt = 0; ; attempt++) {
            PayStructure numbered = withVersion(s, dao.lastVersion(s.name()) + 1);
            try {
                dao.insert(row(numbered));
                return numbered;
            } catch (UnableToExecuteStatementException e) {
                // only a unique-key violation (SQLState 23505 on H2 and PostgreSQL) is a race for the number
                if (!(e.getCause() instanceof java.sql.SQLException sql) || !"23505".equals(sql.getSQLState())) {
                    throw e;
                }
                if (attempt >= 2) {
                    throw PayException.of(
                            PayException.Kind.CONFLICT,
                            "CONCURRENT_EDIT",
                            "another version of " + s.name() + " was stored at the same time; try again",
                            List.of(PayException.Detail.of("name", "stored concurrently")));
                }
            }
        }
    }

    private static PayStructure withVersion(PayStructure s, int version) {
        return new PayStructure(
                s.id(),
                s.name(),
                version,
                s.parentId(),
                s.status(),
                s.method(),
                s.currency(),
                s.area(),
                s.geoTier(),
                s.progression(),
                s.fit(),
                s.grades(),
                s.jobs(),
                s.rounding(),
                s.rulesetVersion(),
                s.note(),
                s.createdAt(),
                s.createdBy(),
                s.publishedAt(),
                s.publishedBy());
    }

    private static PayStructure withStatus(PayStructure s, Status status, Instant at, String by) {
        return new PayStructure(
                s.id(),
                s.name(),
                s.version(),
                s.parentId(),
                status,
                s.method(),
                s.currency(),
                s.area(),
                s.geoTier(),
                s.progression(),
                s.fit(),
                s.grades(),
                s.jobs(),
                s.rounding(),
                s.rulesetVersion(),
                s.note(),
                s.createdAt(),
                s.createdBy(),
                at,
                by);
    }

    private StructureDao.Row row(PayStructure s) {
        try {
            return new StructureDao.Row(
                    s.id(),
                    s.name(),
                    s.version(),
                    s.parentId(),
                    s.status().name(),
                    s.method().name(),
                    s.currency(),
                    s.rulesetVersion(),
                    Timestamp.from(s.createdAt()),
                    s.createdBy(),
                    s.publishedAt() == null ? null : Timestamp.from(s.publishedAt()),
                    s.publishedBy(),
                    json.writeValueAsString(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("structure could not be serialised", e);
        }
    }

    private PayStructure read(StructureDao.Row row) {
        try {
            return json.readValue(row.bodyJson(), PayStructure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored structure " + row.id() + " is unreadable", e);
        }
    }

    private static String whole(double v) {
        return String.valueOf(Math.round(v));
    }
}
