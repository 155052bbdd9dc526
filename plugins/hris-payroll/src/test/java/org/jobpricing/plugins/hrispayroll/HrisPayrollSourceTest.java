package org.jobpricing.plugins.hrispayroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.plugin.api.testkit.SourceTestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HrisPayrollSourceTest {

    static final Clock JULY_15 = Clock.fixed(Instant.parse("2026-07-15T09:00:00Z"), ZoneOffset.UTC);
    static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    /** ENG2 (mapped to 15-1252), IC3, US: pays 97410 101250 118730 132660; 4 people: the median only. */
    static final MarketObservation ENGINEERS = new MarketObservation(
            "hris-payroll",
            SourceType.HRIS,
            "15-1252",
            "IC3",
            "US",
            null,
            "USD",
            PayPeriod.ANNUAL,
            JUNE_30,
            null,
            null,
            109990.0,
            null,
            null,
            4,
            1);
    /** 15-2051 (as itself and through DS1), IC2, US-NYC: pays 79950 85640 88120 91110 94370 102480. */
    static final MarketObservation DATA_SCIENTISTS = new MarketObservation(
            "hris-payroll",
            SourceType.HRIS,
            "15-2051",
            "IC2",
            "US",
            "US-NYC",
            "USD",
            PayPeriod.ANNUAL,
            JUNE_30,
            82795.0,
            86260.0,
            89615.0,
            93555.0,
            98425.0,
            6,
            1);

    final HrisPayrollSource source = new HrisPayrollSource();

    @TempDir
    Path dir;

    Path jobCodes;

    @BeforeEach
    void jobCodeMap() {
        jobCodes = Fixtures.copy("jobcodes.csv", dir);
    }

    PluginContext context(String... settings) {
        Map<String, String> config =
                new HashMap<>(Map.of("jobCodeMap", jobCodes.toString(), "effectiveDate", "2026-06-30"));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        return PluginContext.of("hris-payroll", config, JULY_15);
    }

    SourceTestKit.Run fetch(PluginContext context, String cursor) throws Exception {
        return SourceTestKit.of(source, context).fetch(cursor).assertAllValid();
    }

    @Test
    void withoutAFileOrDirectoryTheSourceIsNotConfiguredRatherThanBroken() {
        HrisPayrollSource source = new HrisPayrollSource();

        assertThat(source.missingSettings(Map.of())).containsExactly("file or directory");
        assertThat(source.missingSettings(Map.of("file", " "))).containsExactly("file or directory");
        assertThat(source.missingSettings(Map.of("directory", "/exports"))).isEmpty();
    }

    @Test
    void aCsvExportGivesOneObservationPerGroupWithExactPercentiles() throws Exception {
        SourceTestKit.Run run =
                fetch(context("file", Fixtures.copy("payroll.csv", dir).toString()), null);

        assertThat(run.valid()).containsExactly(ENGINEERS, DATA_SCIENTISTS);
        assertThat(run.nextCursor()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void badRowsDuplicatesUnmappedCodesAndSmallGroupsAreWarnedAboutByLineAndField() throws Exception {
        SourceTestKit.Run run =
                fetch(context("file", Fixtures.copy("payroll.csv", dir).toString()), null);

        assertThat(run.warnings())
                .containsExactly(
                        new Problem(22, null, "payroll.csv: expected 7 cells, found 6; row skipped"),
                        new Problem(
                                14,
                                "employee_id",
                                "payroll.csv: employee_id repeats the one on payroll.csv line 3; "
                                        + "the first row is kept, this one skipped"),
                        new Problem(15, "base_pay", "payroll.csv: base_pay is not a positive number; row skipped"),
                        new Problem(16, "base_pay", "payroll.csv: base_pay is not a positive number; row skipped"),
                        new Problem(
                                17, "currency", "payroll.csv: currency is not an ISO 4217 currency code; row skipped"),
                        new Problem(18, "period", "payroll.csv: period must be ANNUAL, MONTHLY or HOURLY; row skipped"),
                        new Problem(19, "level", "payroll.csv: level is missing; row skipped"),
                        new Problem(
                                20,
                                "location",
                                "payroll.csv: location is not a country code or country-area code "
                                        + "such as US or US-NYC; row skipped"),
                        new Problem(21, "employee_id", "payroll.csv: employee_id is missing; row skipped"),
                        new Problem(
                                0,
                                "job_code",
                                "job codes neither in jobCodeMap nor SOC codes, rows skipped: "
                                        + "SALES9 (2), FIN3 (1)"),
                        new Problem(
                                0,
                                "minGroupSize",
                                "1 group(s) with fewer than 3 employees suppressed (2 employee(s))"));
    }

    @Test
    void aJsonExportOfTheSamePeopleGivesTheSameObservations() throws Exception {
        SourceTestKit.Run run =
                fetch(context("file", Fixtures.copy("payroll.json", dir).toString()), null);

        assertThat(run.valid()).containsExactly(ENGINEERS, DATA_SCIENTISTS);
        assertThat(run.warnings())
                .containsExactly(
                        new Problem(20, null, "payroll.json: not an object; skipped"),
                        new Problem(
                                14,
                                "employeeId",
                                "payroll.json: employeeId repeats the one on payroll.json line 3; "
                                        + "the first row is kept, this one skipped"),
                        new Problem(15, "basePay", "payroll.json: basePay is not a positive number; row skipped"),
                        new Problem(16, "basePay", "payroll.json: basePay is not a positive number; row skipped"),
                        new Problem(
                                17, "currency", "payroll.json: currency is not an ISO 4217 currency code; row skipped"),
                        new Problem(18, "period", "payroll.json: period is missing; row skipped"),
                        new Problem(19, "level", "payroll.json: level is missing; row skipped"),
                        new Problem(
                                0,
                                "job_code",
                                "job codes neither in jobCodeMap nor SOC codes, rows skipped: "
                                        + "SALES9 (2), FIN3 (1)"),
                        new Problem(
                                0,
                                "minGroupSize",
                                "1 group(s) with fewer than 3 employees suppressed (2 employee(s))"));
    }

    @Test
    void aDirectoryIsReadFileByFileAsOneExport() throws Exception {
        Path exports = Files.createDirectory(dir.resolve("exports"));
        Files.writeString(
                exports.resolve("a-us.csv"),
                String.join(
                        "\n",
                        "employee_id,job_code,level,location,base_pay,currency,period",
                        "E1001,ENG2,IC3,US,101250,USD,ANNUAL",
                        "E1002,ENG2,IC3,US,118730,USD,ANNUAL",
                        ""));
        Files.writeString(exports.resolve("b-us.JSON"), """
                [{"employeeId": "E1003", "jobCode": "ENG2", "level": "IC3", "location": "US", "basePay": 97410,
                  "currency": "USD", "period": "ANNUAL"},
                 {"employeeId": "E1004", "jobCode": "ENG2", "level": "IC3", "location": "US", "basePay": 132660,
                  "currency": "USD", "period": "ANNUAL"},
                 {"employeeId": "E1001", "jobCode": "ENG2", "level": "IC3", "location": "US", "basePay": 1,
                  "currency": "USD", "period": "ANNUAL"}]""");
        Files.writeString(exports.resolve("notes.txt"), "not an export");

        SourceTestKit.Run run = fetch(context("directory", exports.toString()), null);

        assertThat(run.valid()).containsExactly(ENGINEERS);
        assertThat(run.warnings())
                .containsExactly(
                        new Problem(
                                5,
                                "employeeId",
                                "b-us.JSON: employeeId repeats the one on a-us.csv line 2; the first row is kept, this one skipped"));
    }

    @Test
    void aGroupBelowMinGroupSizeIsNeverEmitted() throws Exception {
        SourceTestKit.Run run =
                fetch(context("file", Fixtures.copy("payroll.csv", dir).toString(), "minGroupSize", "5"), null);

        assertThat(run.valid()).containsExactly(DATA_SCIENTISTS);
        assertThat(run.warnings())
                .contains(new Problem(
                        0, "minGroupSize", "2 group(s) with fewer than 5 employees suppressed (6 employee(s))"));
    }

    @Test
    void aGroupOfThreeIsEmittedAndItsMedianIsTheMiddlePersonsPay() throws Exception {
        Path file = dir.resolve("three.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "employee_id,job_code,level,location,base_pay,currency,period",
                        "A1,29-1141,IC2,US,6000,USD,MONTHLY",
                        "A2,29-1141,IC2,US,6500,USD,MONTHLY",
                        "A3,29-1141,IC2,US,7400,USD,MONTHLY",
                        ""));

        SourceTestKit.Run run = fetch(context("file", file.toString()), null);

        // Only the median (of an odd group: one person's pay, documented in the README); the five
        // percentiles of three values would give away all three.
        assertThat(run.valid())
                .containsExactly(new MarketObservation(
                        "hris-payroll",
                        SourceType.HRIS,
                        "29-1141",
                        "IC2",
                        "US",
                        null,
                        "USD",
                        PayPeriod.MONTHLY,
                        JUNE_30,
                        null,
                        null,
                        6500.0,
                        null,
                        null,
                        3,
                        1));
    }

    @Test
    void nothingReturnedCarriesAnEmployeeIdOrAPersonsPay() throws Exception {
        for (String export : new String[] {"payroll.csv", "payroll.json"}) {
            FetchResult result =
                    source.fetch(context("file", Fixtures.copy(export, dir).toString()), null);
            String everything = result.observations() + "\n" + result.warnings() + "\n" + result.nextCursor();

            assertThat(result.observations())
                    .as("the emitted groups have 4 and 6 people")
                    .hasSize(2);
            assertThat(everything).doesNotContainPattern("E\\d{4}").doesNotContain("2005");
            for (String pay : new String[] {
                "101250", "118730", "97410", "132660", "88120", "94370", "79950", "102480", "91110", "85640", "187340",
                "203910", "555555", "12x000", "5013", "99017", "99023", "99029", "99031", "99037", "99041", "64127",
                "66131", "71143"
            }) {
                assertThat(everything).as(export + " must not show " + pay).doesNotContain(pay);
            }
        }
    }

    @Test
    void anUnchangedExportGivesNoRowsAndKeepsTheCursor() throws Exception {
        Path file = Fixtures.copy("payroll.csv", dir);
        String cursor = fetch(context("file", file.toString()), null).nextCursor();

        SourceTestKit.Run again = fetch(context("file", file.toString()), cursor);
        assertThat(again.valid()).isEmpty();
        assertThat(again.warnings()).isEmpty();
        assertThat(again.nextCursor()).isEqualTo(cursor);

        Files.writeString(file, Files.readString(file).replace("E1004,ENG2,IC3,US,132660", "E1004,ENG2,IC3,US,100000"));
        SourceTestKit.Run changed = fetch(context("file", file.toString()), cursor);
        assertThat(changed.valid()).hasSize(2);
        assertThat(changed.valid().get(0).p50())
                .as("median of 97410 100000 101250 118730")
                .isEqualTo(100625.0);
        assertThat(changed.nextCursor()).isNotEqualTo(cursor).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aNewJobCodeMapOrSettingIsNotAnUnchangedInput() throws Exception {
        Path file = Fixtures.copy("payroll.csv", dir);
        String cursor = fetch(context("file", file.toString()), null).nextCursor();

        Files.writeString(jobCodes, "job_code,occupation_code\nENG2,15-1252\nDS1,15-2051\nSALES9,41-4012\n");
        assertThat(fetch(context("file", file.toString()), cursor).nextCursor()).isNotEqualTo(cursor);
        assertThat(fetch(context("file", file.toString(), "minGroupSize", "4"), cursor)
                        .nextCursor())
                .isNotEqualTo(cursor);
    }

    @Test
    void sourceIdAndEffectiveDateComeFromConfigurationAndTheDateDefaultsToToday() throws Exception {
        Map<String, String> config = Map.of(
                "file",
                Fixtures.copy("payroll.csv", dir).toString(),
                "jobCodeMap",
                jobCodes.toString(),
                "sourceId",
                "acme-hris-2026");

        SourceTestKit.Run run =
                SourceTestKit.of(source, config, JULY_15).fetch().assertAllValid();

        assertThat(run.valid())
                .extracting(MarketObservation::sourceId, MarketObservation::effectiveDate)
                .containsOnly(tuple("acme-hris-2026", LocalDate.of(2026, 7, 15)));
    }

    @Test
    void aFileThatIsNotAnExportFailsTheFetchWithoutQuotingIt() throws Exception {
        Path headerless = dir.resolve("headerless.csv");
        Files.writeString(headerless, "E9001,ENG2,IC3,US,123457,USD,ANNUAL\n");
        Path object = dir.resolve("object.json");
        Files.writeString(object, "{\"employees\": [{\"employeeId\": \"E9002\", \"basePay\": 123458}]}");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[\n{\"employeeId\": \"E9003\", \"basePay\": 123459},\n{\"employeeId\": E9004}\n]");

        assertThatThrownBy(() -> source.fetch(context("file", headerless.toString()), null))
                .isInstanceOf(ExportReader.NotAnExportException.class)
                .hasMessage("headerless.csv is not an HRIS payroll export: its first line must be the header "
                        + "employee_id,job_code,level,location,base_pay,currency,period");
        assertThatThrownBy(() -> source.fetch(context("file", object.toString()), null))
                .isInstanceOf(ExportReader.NotAnExportException.class)
                .hasMessage("object.json is not an HRIS payroll export: expected a JSON array of objects with the "
                        + "fields employeeId, jobCode, level, location, basePay, currency, period");
        assertThatThrownBy(() -> source.fetch(context("file", broken.toString()), null))
                .isInstanceOf(ExportReader.NotAnExportException.class)
                .hasMessage("broken.json line 3: malformed JSON; the file was not read");
    }

    @Test
    void checkRejectsAMinimumGroupBelowThree() throws Exception {
        CheckResult check =
                source.check(context("file", Fixtures.copy("payroll.csv", dir).toString(), "minGroupSize", "2"));

        assertThat(check.ok()).isFalse();
        assertThat(check.problems())
                .containsExactly(new Problem(
                        0, "minGroupSize", "must be at least 3: smaller groups would expose individual pay"));
        assertThatThrownBy(() -> source.fetch(
                        context("file", dir.resolve("jobcodes.csv").toString(), "minGroupSize", "2"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minGroupSize");
    }

    @Test
    void checkCountsTheRowsOfAReadableExport() throws Exception {
        CheckResult check =
                source.check(context("file", Fixtures.copy("payroll.csv", dir).toString()));

        assertThat(check).isEqualTo(CheckResult.ok("1 export file(s), 23 row(s)"));
    }

    @Test
    void checkWantsExactlyOneOfFileAndDirectoryAndNoFutureDate() throws Exception {
        Path file = Fixtures.copy("payroll.csv", dir);

        assertThat(source.check(context()).problems())
                .containsExactly(new Problem(0, "file", "set file (one export) or directory (a folder of exports)"));
        assertThat(source.check(context("file", file.toString(), "directory", dir.toString()))
                        .problems())
                .containsExactly(new Problem(0, "file", "set either file or directory, not both"));
        assertThat(source.check(context("file", file.toString(), "effectiveDate", "2026-08-01"))
                        .problems())
                .containsExactly(new Problem(0, "effectiveDate", "must not be after today (2026-07-15)"));
        assertThat(source.check(context("file", file.toString(), "sourceId", "acme hris"))
                        .problems())
                .containsExactly(new Problem(0, "sourceId", "must be 1-100 characters of letters, digits and . _ : -"));
    }

    @Test
    void checkReportsABadJobCodeMapAndANonExport() throws Exception {
        Files.writeString(jobCodes, "job_code,occupation_code\nENG2,\nENG2,15-1252\neng2,15-1299\n");
        Path file = Fixtures.copy("payroll.csv", dir);

        assertThat(source.check(context("file", file.toString())).problems())
                .containsExactly(
                        new Problem(2, "occupation_code", "must be 1-20 characters of letters, digits and . _ -"),
                        new Problem(4, "job_code", "is mapped twice"));

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "name,salary\nA,1\n");
        Files.writeString(jobCodes, "job_code,occupation_code\n");
        assertThat(source.check(context("file", other.toString())))
                .isEqualTo(CheckResult.failed("other.csv is not an "
                        + "HRIS payroll export: its first line must be the header "
                        + "employee_id,job_code,level,location,base_pay,currency,period"));
    }

    @Test
    void withoutFileOrDirectoryThereIsNothingToReadAndTheCursorIsKept() throws Exception {
        FetchResult result = source.fetch(PluginContext.of("hris-payroll", Map.of(), JULY_15), "sha256:abc");

        assertThat(result.observations()).isEmpty();
        assertThat(result.warnings())
                .containsExactly(new Problem(0, "file", "neither file nor directory is configured; nothing to read"));
        assertThat(result.nextCursor()).isEqualTo("sha256:abc");
    }
}
