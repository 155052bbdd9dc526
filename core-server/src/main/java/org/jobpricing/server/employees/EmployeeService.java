package org.jobpricing.server.employees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.api.EmployeeViews;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.EmployeeDao;
import org.jobpricing.server.rules.PayPolicy;
import org.jobpricing.server.rules.PayPolicyEvaluator;
import org.jobpricing.server.rules.RuleEngine;

/**
 * Employee pay: roster imports (all or nothing, one snapshot each), reads of individual rows (each
 * audited), the snapshot against the market, and erasure of a snapshot or of one employee everywhere.
 * Nothing here logs a pay figure or an employee id.
 */
public final class EmployeeService {

    private final EmployeeDao rosters;
    private final EmployeeKeys keys;
    private final BandSource bands;
    private final RuleEngine engine;
    private final AuditLog audit;
    private final Clock clock;

    public EmployeeService(
            EmployeeDao rosters, EmployeeKeys keys, BandSource bands, RuleEngine engine, AuditLog audit, Clock clock) {
        this.rosters = rosters;
        this.keys = keys;
        this.bands = bands;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
    }

    /** The pay-transparency policy of the active rules for {@code country} (null: across countries). */
    public PayPolicy policy(String country) {
        return PayPolicyEvaluator.evaluate(engine.active(), country);
    }

    /** Imports a roster as a new snapshot dated {@code asOf} (today when null); any bad line stores nothing. */
    public EmployeeViews.Snapshot importRoster(
            byte[] content, LocalDate asOf, String label, String actor, AuditLog.Origin origin) {
        LocalDate date = asOf == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : asOf;
        RosterParser.Parsed parsed = RosterParser.parse(content, date);
        if (!parsed.problems().isEmpty()) {
            List<Problem> problems = new ArrayList<>(parsed.problems());
            problems.sort(Comparator.comparingLong(Problem::line));
            audit.failure(actor, "employees.import", "employee-roster", origin, problems.size() + " problem(s)");
            throw EmployeeException.invalidRoster(
                    problems.size() + " problem(s) in the roster; nothing was imported", problems);
        }
        PayPolicy policy = policy(null);
        List<Problem> periods = new ArrayList<>();
        for (RosterRow row : parsed.rows()) {
            if (policy.periodsPerYear(row.period()) == null) {
                periods.add(
                        new Problem(row.line(), "period", "the annualisation table has no row for " + row.period()));
            }
        }
        if (!periods.isEmpty()) {
            throw EmployeeException.invalidRoster(
                    periods.size() + " problem(s) in the roster; nothing was imported", periods);
        }
        Timestamp now = Timestamp.from(clock.instant());
        EmployeeDao.SnapshotRow row = new EmployeeDao.SnapshotRow(
                null, date, label, now, actor, parsed.rows().size(), keys.hashed());
        List<EmployeeDao.RecordRow> records = new ArrayList<>();
        for (RosterRow r : parsed.rows()) {
            // the snapshot's id is the database's: the DAO sets it
            records.add(new EmployeeDao.RecordRow(
                    null,
                    0,
                    keys.of(r.employeeId()),
                    r.occupationCode(),
                    r.jobCode(),
                    r.jobFamily(),
                    r.level(),
                    r.grade(),
                    r.country(),
                    r.area(),
                    r.currency(),
                    r.period(),
                    r.basePay(),
                    r.variablePay(),
                    r.hireDate(),
                    r.gender(),
                    r.fte()));
        }
        long id = PayStorage.guard("storing the roster", () -> rosters.importSnapshot(row, records));
        EmployeeDao.SnapshotRow snapshot = new EmployeeDao.SnapshotRow(
                id, row.asOf(), row.label(), row.createdAt(), row.createdBy(), row.employees(), row.idsHashed());
        audit.success(
                actor,
                "employees.import",
                "employee-snapshot:" + snapshot.id(),
                origin,
                snapshot.employees() + " employees, dated " + date
                        + (keys.hashed() ? ", ids keyed" : ", ids as given"));
        return view(snapshot);
    }

    public EmployeeViews.SnapshotList snapshots(int limit, int offset) {
        return new EmployeeViews.SnapshotList(
                rosters.countSnapshots(),
                limit,
                offset,
                rosters.snapshots(limit, offset).stream()
                        .map(EmployeeService::view)
                        .toList());
    }

    public EmployeeViews.Snapshot snapshot(long id) {
        return view(snapshotRow(id));
    }

    /** The snapshot's row, or a 404 naming {@code field}. */
    public EmployeeDao.SnapshotRow snapshotRow(long id) {
        return rosters.snapshot(id).orElseThrow(() -> EmployeeException.notFound("employee snapshot " + id, "id"));
    }

    /** The newest snapshot (by roster date), or a 404 when none was imported. */
    public EmployeeDao.SnapshotRow latestSnapshot() {
        return rosters.latestSnapshot().orElseThrow(() -> EmployeeException.notFound("employee snapshot", "snapshot"));
    }

    /** Every employee row of a snapshot, for aggregates (not audited: callers audit what they show). */
    public List<EmployeeDao.RecordRow> records(long snapshotId) {
        return rosters.records(snapshotId);
    }

    /** A page of individual employees against their bands; audited as a read of personal data. */
    public EmployeeViews.EmployeePage employees(
            long snapshotId, int limit, int offset, boolean fresh, String actor, AuditLog.Origin origin) {
        EmployeeDao.SnapshotRow snapshot = snapshotRow(snapshotId);
        List<EmployeeDao.RecordRow> page = rosters.records(snapshotId, limit, offset);
        PayPolicy policy = policy(null);
        Map<BandSource.Job, BandSource.Found> found = bands(page, snapshot.asOf(), fresh, actor);
        Map<BandSource.Job, String> ids = bandIds(found);
        List<EmployeeViews.Employee> items = new ArrayList<>();
        for (EmployeeDao.RecordRow row : page) {
            Position p = position(row, found.get(job(row)).band(), policy);
            items.add(new EmployeeViews.Employee(
                    row.employeeKey(),
                    row.occupationCode(),
                    row.jobCode(),
                    row.jobFamily(),
                    row.level(),
                    row.grade(),
                    row.country(),
                    row.area(),
                    row.currency(),
                    row.period(),
                    row.basePay().stripTrailingZeros(),
                    row.variablePay() == null ? null : row.variablePay().stripTrailingZeros(),
                    row.hireDate(),
                    row.gender(),
                    row.fte().stripTrailingZeros(),
                    money(p.annualFtePay()),
                    ids.get(job(row)),
                    p.compaRatio() == null ? null : ratio(p.compaRatio()),
                    p.penetration() == null ? null : ratio(p.penetration()),
                    p.band() == null ? null : p.belowMin(),
                    p.band() == null ? null : p.aboveMax(),
                    p.band() == null ? null : money(p.costToMin())));
        }
        audit.success(
                actor,
                "employees.read",
                "employee-snapshot:" + snapshotId,
                origin,
                items.size() + " employee rows (offset " + offset + ")");
        return new EmployeeViews.EmployeePage(
                view(snapshot), snapshot.employees(), limit, offset, bandViews(found, ids), items);
    }

    /** The snapshot against the market: totals and P10-P90 of compa-ratio per job, level, location, grade. */
    public EmployeeViews.MarketPosition marketPosition(
            long snapshotId, boolean fresh, String actor, AuditLog.Origin origin) {
        EmployeeDao.SnapshotRow snapshot = snapshotRow(snapshotId);
        List<EmployeeDao.RecordRow> rows = records(snapshotId);
        PayPolicy policy = policy(null);
        Map<BandSource.Job, BandSource.Found> found = bands(rows, snapshot.asOf(), fresh, actor);
        List<Position> positions = rows.stream()
                .map(r -> position(r, found.get(job(r)).band(), policy))
                .toList();
        Map<String, List<EmployeeViews.Cell>> distributions = new LinkedHashMap<>();
        distributions.put("job", cells(positions, p -> p.row().occupationCode(), policy));
        distributions.put("level", cells(positions, p -> p.row().level(), policy));
        distributions.put("location", cells(positions, p -> job(p.row()).location(), policy));
        if (rows.stream().anyMatch(r -> r.grade() != null)) {
            distributions.put(
                    "grade",
                    cells(
                            positions,
                            p -> p.row().grade() == null ? "(none)" : p.row().grade(),
                            policy));
        }
        audit.success(
                actor,
                "employees.market-position",
                "employee-snapshot:" + snapshotId,
                origin,
                "aggregates of " + rows.size() + " employees");
        return new EmployeeViews.MarketPosition(
                view(snapshot),
                policyView(policy),
                cell("all", positions, policy),
                distributions,
                bandViews(found, bandIds(found)));
    }

    /** Erases a snapshot: its rows and justifications go with it. */
    public void deleteSnapshot(long snapshotId, String actor, AuditLog.Origin origin) {
        int deleted = rosters.eraseSnapshot(snapshotId)
                .orElseThrow(() -> EmployeeException.notFound("employee snapshot " + snapshotId, "id"));
        audit.success(
                actor,
                "employees.delete-snapshot",
                "employee-snapshot:" + snapshotId,
                origin,
                deleted + " employee rows erased");
    }

    /** Erases one employee, given by id, from every snapshot. */
    public EmployeeViews.Erasure eraseById(String employeeId, String actor, AuditLog.Origin origin) {
        if (employeeId == null || employeeId.isBlank()) {
            throw EmployeeException.invalid("employeeId", "is required");
        }
        return eraseByKey(keys.of(employeeId.strip()), actor, origin);
    }

    /** Erases one employee, given by the key rows are listed with, from every snapshot. */
    public EmployeeViews.Erasure eraseByKey(String employeeKey, String actor, AuditLog.Origin origin) {
        EmployeeDao.Erased erased = rosters.eraseEmployee(employeeKey);
        if (erased.snapshots().isEmpty()) {
            throw EmployeeException.notFound("employee", "employeeKey");
        }
        EmployeeViews.Erasure erasure = new EmployeeViews.Erasure(erased.rows(), erased.snapshots());
        // the audit names neither the id nor its key: the erased employee leaves no trace
        audit.success(
                actor,
                "employees.erase",
                "employee-snapshots:" + erasure.snapshots(),
                origin,
                "one employee erased: " + erasure.erasedRows() + " rows");
        return erasure;
    }

    /** One employee's pay against a band (null: no band for their job and place). */
    public record Position(
            EmployeeDao.RecordRow row,
            double annualFtePay,
            BandSource.Band band,
            Double compaRatio,
            Double penetration,
            boolean belowMin,
            boolean aboveMax,
            double costToMin) {}

    /** Annual full-time pay: base pay × periods per year (rule table) / FTE. */
    public static double annualFtePay(EmployeeDao.RecordRow row, PayPolicy policy) {
        return row.basePay().doubleValue()
                * policy.periodsPerYear(row.period())
                / row.fte().doubleValue();
    }

    /** Annual full-time variable pay (0 when none). */
    public static double annualFteVariable(EmployeeDao.RecordRow row, PayPolicy policy) {
        return row.variablePay() == null
                ? 0
                : row.variablePay().doubleValue() / row.fte().doubleValue();
    }

    static Position position(EmployeeDao.RecordRow row, BandSource.Band band, PayPolicy policy) {
        double pay = annualFtePay(row, policy);
        if (band == null) {
            return new Position(row, pay, null, null, null, false, false, 0);
        }
        Double penetration = band.max() > band.min() ? (pay - band.min()) / (band.max() - band.min()) : null;
        boolean below = pay < band.min();
        return new Position(
                row,
                pay,
                band,
                pay / band.mid(),
                penetration,
                below,
                pay > band.max(),
                below ? (band.min() - pay) * row.fte().doubleValue() : 0);
    }

    public static BandSource.Job job(EmployeeDao.RecordRow row) {
        return new BandSource.Job(
                row.occupationCode(), row.level(), row.country(), row.area(), row.currency(), row.grade());
    }

    private Map<BandSource.Job, BandSource.Found> bands(
            List<EmployeeDao.RecordRow> rows, LocalDate asOf, boolean fresh, String actor) {
        Map<BandSource.Job, BandSource.Found> found = new LinkedHashMap<>();
        for (EmployeeDao.RecordRow row : rows) {
            found.computeIfAbsent(job(row), j -> bands.band(j, asOf, fresh, actor));
        }
        return found;
    }

    private static Map<BandSource.Job, String> bandIds(Map<BandSource.Job, BandSource.Found> found) {
        Map<BandSource.Job, String> ids = new LinkedHashMap<>();
        for (BandSource.Job job : found.keySet()) {
            ids.put(job, "b" + (ids.size() + 1));
        }
        return ids;
    }

    private static List<EmployeeViews.Band> bandViews(
            Map<BandSource.Job, BandSource.Found> found, Map<BandSource.Job, String> ids) {
        List<EmployeeViews.Band> views = new ArrayList<>();
        found.forEach((job, f) -> {
            BandSource.Band b = f.band();
            views.add(new EmployeeViews.Band(
                    ids.get(job),
                    job.occupationCode(),
                    job.level(),
                    job.country(),
                    job.area(),
                    job.currency(),
                    b == null ? null : money(b.min()),
                    b == null ? null : money(b.mid()),
                    b == null ? null : money(b.max()),
                    b == null ? null : b.source(),
                    b == null ? null : b.quoteId(),
                    b == null ? null : b.quoteAsOf(),
                    b == null ? null : b.rulesetVersion(),
                    f.problem()));
        });
        return views;
    }

    private static List<EmployeeViews.Cell> cells(
            List<Position> positions, Function<Position, String> key, PayPolicy policy) {
        Map<String, List<Position>> groups = new TreeMap<>();
        for (Position p : positions) {
            groups.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p);
        }
        List<EmployeeViews.Cell> cells = new ArrayList<>();
        groups.forEach((k, group) -> cells.add(cell(k, group, policy)));
        return cells;
    }

    /** One aggregate cell, suppressed when it has fewer employees than the policy shows. */
    static EmployeeViews.Cell cell(String key, List<Position> group, PayPolicy policy) {
        if (group.size() < policy.minCellSize()) {
            return new EmployeeViews.Cell(key, true, null, null, null, null, null, null);
        }
        List<Position> banded = group.stream().filter(p -> p.band() != null).toList();
        EmployeeViews.Percentiles percentiles = null;
        if (banded.size() >= policy.minCellSize()) {
            double[] ratios = banded.stream().mapToDouble(Position::compaRatio).toArray();
            percentiles = new EmployeeViews.Percentiles(
                    ratio(Stats.percentile(ratios, 10)),
                    ratio(Stats.percentile(ratios, 25)),
                    ratio(Stats.percentile(ratios, 50)),
                    ratio(Stats.percentile(ratios, 75)),
                    ratio(Stats.percentile(ratios, 90)));
        }
        Map<String, Double> cost = new TreeMap<>();
        for (Position p : banded) {
            cost.merge(p.row().currency(), p.costToMin(), Double::sum);
        }
        Map<String, BigDecimal> costToMin = new LinkedHashMap<>();
        cost.forEach((currency, amount) -> costToMin.put(currency, money(amount)));
        return new EmployeeViews.Cell(
                key,
                false,
                group.size(),
                banded.size(),
                percentiles,
                (int) banded.stream().filter(Position::belowMin).count(),
                (int) banded.stream().filter(Position::aboveMax).count(),
                costToMin);
    }

    public static EmployeeViews.Policy policyView(PayPolicy policy) {
        return new EmployeeViews.Policy(
                policy.country(),
                policy.minCellSize(),
                policy.minPerGender(),
                policy.categoryBasis(),
                BigDecimal.valueOf(policy.jointAssessmentThreshold()).stripTrailingZeros(),
                policy.rulesetVersion(),
                policy.rules().stream()
                        .map(r -> r.rule() + (r.file() == null ? "" : " (" + r.file() + ":" + r.line() + ")"))
                        .toList());
    }

    public static EmployeeViews.Snapshot view(EmployeeDao.SnapshotRow row) {
        return new EmployeeViews.Snapshot(
                row.id(),
                row.asOf(),
                row.label(),
                row.createdAt().toInstant(),
                row.createdBy(),
                row.employees(),
                row.idsHashed());
    }

    static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
