package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.jobpricing.server.cli.backup.TableChecksums.Summary;
import org.jobpricing.server.cli.backup.VerifyReport.Status;
import org.junit.jupiter.api.Test;

/** Table-by-table verdicts and their rendering. */
class VerifyReportTest {

    static final Summary A = new Summary(3, "a".repeat(64));
    static final Summary B = new Summary(3, "b".repeat(64));
    static final Summary C = new Summary(4, "c".repeat(64));

    @Test
    void equalTablesPass() {
        VerifyReport report =
                VerifyReport.compare(Map.of("quote", A, "app_user", B), Map.of("quote", A, "app_user", B));

        assertThat(report.passed()).isTrue();
        assertThat(report.failedTables()).isEmpty();
        assertThat(report.rows()).extracting(VerifyReport.Row::table).containsExactly("app_user", "quote");
        assertThat(report.render()).isEqualTo("""
                TABLE       LIVE ROWS  BACKUP ROWS  LIVE SHA-256  BACKUP SHA-256  RESULT
                app_user            3            3  bbbbbbbbbbbb  bbbbbbbbbbbb    same
                quote               3            3  aaaaaaaaaaaa  aaaaaaaaaaaa    same
                """);
    }

    @Test
    void differentMissingAndExtraTablesFailEachWithItsStatus() {
        VerifyReport report = VerifyReport.compare(
                Map.of("same", A, "changed", A, "counted", A, "only_live", A),
                Map.of("same", A, "changed", B, "counted", C, "only_backup", A));

        assertThat(report.passed()).isFalse();
        assertThat(report.rows())
                .extracting(VerifyReport.Row::table, VerifyReport.Row::status)
                .containsExactly(
                        Tuple.tuple("changed", Status.DIFFERENT),
                        Tuple.tuple("counted", Status.DIFFERENT),
                        Tuple.tuple("only_backup", Status.NOT_IN_LIVE),
                        Tuple.tuple("only_live", Status.MISSING_FROM_BACKUP),
                        Tuple.tuple("same", Status.SAME));
        assertThat(report.failedTables()).containsExactly("changed", "counted", "only_backup", "only_live");
        assertThat(report.render()).isEqualTo("""
                TABLE          LIVE ROWS  BACKUP ROWS  LIVE SHA-256  BACKUP SHA-256  RESULT
                changed                3            3  aaaaaaaaaaaa  bbbbbbbbbbbb    DIFFERENT
                counted                3            4  aaaaaaaaaaaa  cccccccccccc    DIFFERENT
                only_backup            -            3  -             aaaaaaaaaaaa    NOT IN LIVE DATABASE
                only_live              3            -  aaaaaaaaaaaa  -               MISSING FROM BACKUP
                same                   3            3  aaaaaaaaaaaa  aaaaaaaaaaaa    same
                """);
    }

    @Test
    void nothingToCompareDoesNotPass() {
        VerifyReport report = VerifyReport.compare(Map.of(), Map.of());

        assertThat(report.rows()).isEmpty();
        assertThat(report.passed()).isFalse();
    }
}
