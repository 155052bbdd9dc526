package org.jobpricing.server.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jobpricing.server.api.PayGapReportView;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.EmployeeDao;
import org.jobpricing.server.employees.EmployeeException;
import org.jobpricing.server.employees.EmployeeService;
import org.jobpricing.server.rules.PayPolicy;

/** The pay-gap report of a snapshot (optionally one country's employees) and its audited justifications. */
public final class PayGapReports {

    private static final int MAX_JUSTIFICATION = 4000;

    private final EmployeeDao rosters;
    private final EmployeeService employees;
    private final AuditLog audit;
    private final Clock clock;

    public PayGapReports(EmployeeDao rosters, EmployeeService employees, AuditLog audit, Clock clock) {
        this.rosters = rosters;
        this.employees = employees;
        this.audit = audit;
        this.clock = clock;
    }

    /** The report of {@code snapshotId} (null: the newest snapshot), for {@code country}'s employees (null: all). */
    public PayGapReportView report(Long snapshotId, String country, String actor, AuditLog.Origin origin) {
        EmployeeDao.SnapshotRow snapshot = snapshotId == null ? employees.latestSnapshot() : snapshot(snapshotId);
        List<EmployeeDao.RecordRow> rows = employees.records(snapshot.id());
        if (country != null) {
            rows = rows.stream().filter(r -> r.country().equals(country)).toList();
        }
        PayPolicy policy = employees.policy(country);
        PayGapReportView report =
                PayGapCalculator.report(snapshot, rows, policy, justifications(snapshot.id()), clock.instant());
        audit.success(
                actor,
                "reports.pay-gap",
                "employee-snapshot:" + snapshot.id(),
                origin,
                "pay-gap report" + (country == null ? "" : " for " + country) + " of " + rows.size() + " employees");
        return report;
    }

    /** Records (or, with an empty text, withdraws) why a category's gap is justified; audited with the text. */
    public PayGapReportView.Justification justify(
            Long snapshotId, String category, String text, String actor, AuditLog.Origin origin) {
        if (snapshotId == null) {
            throw EmployeeException.invalid("snapshot", "is required");
        }
        if (category == null || category.isBlank()) {
            throw EmployeeException.invalid("category", "is required");
        }
        if (text != null && text.length() > MAX_JUSTIFICATION) {
            throw EmployeeException.invalid("justification", "has at most " + MAX_JUSTIFICATION + " characters");
        }
        EmployeeDao.SnapshotRow snapshot = snapshot(snapshotId);
        PayPolicy policy = employees.policy(null);
        Set<String> categories = employees.records(snapshot.id()).stream()
                .map(r -> PayGapCalculator.category(r, policy))
                .collect(Collectors.toSet());
        if (!categories.contains(category)) {
            throw EmployeeException.invalid("category", "is not a category of snapshot " + snapshotId);
        }
        Timestamp now = Timestamp.from(clock.instant());
        boolean withdraw = text == null || text.isBlank();
        rosters.justify(
                snapshot.id(),
                category,
                withdraw ? null : new EmployeeDao.JustificationRow(snapshot.id(), category, text.strip(), actor, now));
        audit.success(
                actor,
                withdraw ? "reports.pay-gap.justification-withdrawn" : "reports.pay-gap.justification",
                "employee-snapshot:" + snapshot.id() + " category " + category,
                origin,
                withdraw ? "justification withdrawn" : text.strip());
        return withdraw ? null : new PayGapReportView.Justification(text.strip(), actor, now.toInstant());
    }

    private EmployeeDao.SnapshotRow snapshot(long id) {
        return rosters.snapshot(id)
                .orElseThrow(() -> EmployeeException.notFound("employee snapshot " + id, "snapshot"));
    }

    private Map<String, EmployeeDao.JustificationRow> justifications(long snapshotId) {
        Map<String, EmployeeDao.JustificationRow> byCategory = new LinkedHashMap<>();
        rosters.justifications(snapshotId).forEach(j -> byCategory.put(j.category(), j));
        return byCategory;
    }
}
