package org.jobpricing.server.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobpricing.rules.facts.PayReportPolicy;
import org.jobpricing.server.api.PayGapReportView;
import org.jobpricing.server.db.EmployeeDao;
import org.jobpricing.server.employees.EmployeeService;
import org.jobpricing.server.employees.Stats;
import org.jobpricing.server.rules.PayPolicy;

/**
 * Computes the pay-gap report from a snapshot's rows under a policy. Pay is annual and full time
 * (base pay annualised by the rule table and divided by FTE; variable pay divided by FTE). Women are
 * gender F, men M; employees of another or no recorded gender are counted apart and left out of the
 * gaps. Every figure is computed in doubles and rounded once, to 2 decimals, for the answer.
 */
public final class PayGapCalculator {

    private PayGapCalculator() {}

    /** One employee as the report sees them. */
    record Pay(String key, String gender, String category, double basic, double variable) {
        boolean woman() {
            return "F".equals(gender);
        }

        boolean man() {
            return "M".equals(gender);
        }
    }

    public static PayGapReportView report(
            EmployeeDao.SnapshotRow snapshot,
            List<EmployeeDao.RecordRow> rows,
            PayPolicy policy,
            Map<String, EmployeeDao.JustificationRow> justifications,
            Instant now) {
        List<Pay> all = rows.stream()
                .map(r -> new Pay(
                        r.employeeKey(),
                        r.gender(),
                        category(r, policy),
                        EmployeeService.annualFtePay(r, policy),
                        EmployeeService.annualFteVariable(r, policy)))
                .toList();
        List<Pay> counted = all.stream().filter(p -> p.woman() || p.man()).toList();
        int women = (int) counted.stream().filter(Pay::woman).count();
        int men = counted.size() - women;
        PayPolicy.Cell overall = policy.cell(counted.size(), women, men);
        List<PayGapReportView.Category> categories = categories(all, policy, justifications);
        if (overall != PayPolicy.Cell.SPLIT) {
            String why = overall == PayPolicy.Cell.SUPPRESSED
                    ? "fewer than " + policy.minCellSize() + " women and men in the snapshot"
                    : "fewer than " + policy.minPerGender() + " women or fewer than " + policy.minPerGender() + " men";
            return new PayGapReportView(
                    EmployeeService.view(snapshot),
                    EmployeeService.policyView(policy),
                    now,
                    new PayGapReportView.Headcount(null, null, all.size() - counted.size()),
                    null,
                    null,
                    null,
                    List.of(),
                    categories,
                    "no gender split is shown: " + why);
        }
        return new PayGapReportView(
                EmployeeService.view(snapshot),
                EmployeeService.policyView(policy),
                now,
                new PayGapReportView.Headcount(women, men, all.size() - counted.size()),
                gaps(counted, false, policy),
                gaps(counted, true, policy),
                new PayGapReportView.VariableShare(percent(share(counted, true)), percent(share(counted, false))),
                quartiles(counted, policy),
                categories,
                null);
    }

    /** The category of an employee under the policy's basis. */
    public static String category(EmployeeDao.RecordRow row, PayPolicy policy) {
        if (PayReportPolicy.GRADE.equals(policy.categoryBasis())) {
            return row.grade() == null ? "(no grade)" : row.grade();
        }
        return row.jobFamily() + " × " + row.level();
    }

    private static List<PayGapReportView.Category> categories(
            List<Pay> all, PayPolicy policy, Map<String, EmployeeDao.JustificationRow> justifications) {
        Map<String, List<Pay>> groups = new TreeMap<>();
        for (Pay p : all) {
            groups.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p);
        }
        List<PayGapReportView.Category> categories = new ArrayList<>();
        groups.forEach((name, group) -> {
            List<Pay> counted = group.stream().filter(p -> p.woman() || p.man()).toList();
            int women = (int) counted.stream().filter(Pay::woman).count();
            int men = counted.size() - women;
            PayPolicy.Cell shows = policy.cell(group.size(), women, men);
            EmployeeDao.JustificationRow j = justifications.get(name);
            PayGapReportView.Justification justification = j == null
                    ? null
                    : new PayGapReportView.Justification(
                            j.justification(), j.author(), j.changedAt().toInstant());
            if (shows != PayPolicy.Cell.SPLIT) {
                categories.add(new PayGapReportView.Category(
                        name,
                        shows.name(),
                        shows == PayPolicy.Cell.SUPPRESSED ? null : group.size(),
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        justification));
                return;
            }
            double basicMean = meanGap(counted, false);
            Double variableMean = receivers(counted, policy) ? meanGap(receiving(counted), true) : null;
            boolean flagged = policy.flags(basicMean) || (variableMean != null && policy.flags(variableMean));
            categories.add(new PayGapReportView.Category(
                    name,
                    shows.name(),
                    group.size(),
                    women,
                    men,
                    gaps(counted, false, policy),
                    gaps(counted, true, policy),
                    flagged,
                    flagged ? PayGapReportView.FLAG : null,
                    justification));
        });
        return categories;
    }

    /** Mean and median gaps of basic or (among those receiving it) variable pay; null when too few receive it. */
    private static PayGapReportView.Gaps gaps(List<Pay> counted, boolean variable, PayPolicy policy) {
        if (!variable) {
            return new PayGapReportView.Gaps(percent(meanGap(counted, false)), percent(medianGap(counted, false)));
        }
        if (!receivers(counted, policy)) {
            return new PayGapReportView.Gaps(null, null);
        }
        List<Pay> receiving = receiving(counted);
        return new PayGapReportView.Gaps(percent(meanGap(receiving, true)), percent(medianGap(receiving, true)));
    }

    private static List<Pay> receiving(List<Pay> counted) {
        return counted.stream().filter(p -> p.variable() > 0).toList();
    }

    /** Enough women and enough men receive variable pay for its gap to be shown. */
    private static boolean receivers(List<Pay> counted, PayPolicy policy) {
        List<Pay> receiving = receiving(counted);
        long women = receiving.stream().filter(Pay::woman).count();
        return women >= policy.minPerGender() && receiving.size() - women >= policy.minPerGender();
    }

    private static double meanGap(List<Pay> pays, boolean variable) {
        double men = Stats.mean(values(pays, false, variable));
        double women = Stats.mean(values(pays, true, variable));
        return (men - women) / men;
    }

    private static double medianGap(List<Pay> pays, boolean variable) {
        double men = Stats.median(values(pays, false, variable));
        double women = Stats.median(values(pays, true, variable));
        return (men - women) / men;
    }

    private static double[] values(List<Pay> pays, boolean women, boolean variable) {
        return pays.stream()
                .filter(p -> women ? p.woman() : p.man())
                .mapToDouble(p -> variable ? p.variable() : p.basic())
                .toArray();
    }

    private static double share(List<Pay> counted, boolean women) {
        List<Pay> group =
                counted.stream().filter(p -> women ? p.woman() : p.man()).toList();
        return group.stream().filter(p -> p.variable() > 0).count() / (double) group.size();
    }

    /**
     * Everyone counted, ordered by basic pay (ties by key), cut into four groups of as equal size as can
     * be: quartile q holds ranks floor((q−1)·n/4) to floor(q·n/4) − 1. A quartile the policy would not
     * split shows no shares.
     */
    private static List<PayGapReportView.Quartile> quartiles(List<Pay> counted, PayPolicy policy) {
        List<Pay> sorted = new ArrayList<>(counted);
        sorted.sort(Comparator.comparingDouble(Pay::basic).thenComparing(Pay::key));
        List<PayGapReportView.Quartile> quartiles = new ArrayList<>();
        int n = sorted.size();
        for (int q = 0; q < 4; q++) {
            List<Pay> part = sorted.subList(q * n / 4, (q + 1) * n / 4);
            int women = (int) part.stream().filter(Pay::woman).count();
            int men = part.size() - women;
            if (policy.cell(part.size(), women, men) != PayPolicy.Cell.SPLIT) {
                quartiles.add(new PayGapReportView.Quartile(q + 1, null, null));
            } else {
                quartiles.add(new PayGapReportView.Quartile(
                        q + 1, percent(women / (double) part.size()), percent(men / (double) part.size())));
            }
        }
        return quartiles;
    }

    private static BigDecimal percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP);
    }
}
