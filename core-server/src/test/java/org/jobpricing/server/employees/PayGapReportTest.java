package org.jobpricing.server.employees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EU pay-gap report of a synthetic roster of 2,000 employees with a known gap built into each
 * category, on PostgreSQL: every figure equals the test's own computation from the generated rows to
 * 0.01 percentage points, the flagged categories are exactly those built with a gap of 5 % or more, a
 * category with 4 women shows no split, and the CSV, XLSX and PDF say the same.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PayGapReportTest {

    static final TestDatabases.Db DB = TestDatabases.postgres();
    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.app(DB, "plugins.refreshOnStartup", "false", "employees.idKey", "Pay-gap-test-key-5521");

    /** The categories and the gap (men − women) / men built into their basic pay. */
    static final Map<String, Double> BUILT = new LinkedHashMap<>();

    static {
        BUILT.put("Engineering × IC2", 0.00);
        BUILT.put("Engineering × IC3", 0.02);
        BUILT.put("Engineering × IC4", 0.07);
        BUILT.put("Finance × IC2", 0.10);
        BUILT.put("Finance × IC3", 0.03);
        BUILT.put("Finance × IC4", -0.08);
        BUILT.put("Sales × IC2", 0.15);
        BUILT.put("Sales × IC3", 0.01);
        BUILT.put("Sales × IC4", 0.065);
        BUILT.put("Operations × IC2", 0.035);
        BUILT.put("Operations × IC3", 0.12);
        BUILT.put("Operations × IC4", 0.025);
    }

    static final Map<String, Double> LEVEL_PAY =
            Map.of("IC1", 45000.0, "IC2", 60000.0, "IC3", 80000.0, "IC4", 105000.0, "M1", 130000.0);
    static final Map<String, Double> FAMILY_FACTOR = Map.of(
            "Engineering", 1.2, "Finance", 1.0, "Sales", 0.9, "Operations", 0.85, "Legal", 1.3, "Facilities", 0.7);

    /** One generated employee, as the test knows them. */
    record Person(
            String id,
            String family,
            String level,
            String gender,
            String period,
            double base,
            double fte,
            Double variable) {
        String category() {
            return family + " × " + level;
        }

        double annualFte() {
            return base * (period.equals("MONTHLY") ? 12 : 1) / fte;
        }

        double variableFte() {
            return variable == null ? 0 : variable / fte;
        }
    }

    static final List<Person> PEOPLE = new ArrayList<>();
    static long snapshot;
    static JsonNode report;
    static Api manager;

    @BeforeAll
    static void roster() {
        Random random = new Random(17);
        Set<Double> seen = new HashSet<>();
        int n = 0;
        for (Map.Entry<String, Double> category : BUILT.entrySet()) {
            String[] parts = category.getKey().split(" × ");
            for (int i = 0; i < 165; i++) {
                String gender =
                        category.getKey().equals("Engineering × IC3") && i < 7 ? "X" : random.nextBoolean() ? "F" : "M";
                PEOPLE.add(person(random, seen, "P-" + (++n), parts[0], parts[1], gender, category.getValue()));
            }
        }
        // 4 women and 2 men: a cell of 6 is shown, but with fewer than 3 men it shows no gender split
        for (int i = 0; i < 6; i++) {
            PEOPLE.add(person(random, seen, "P-" + (++n), "Legal", "M1", i < 4 ? "F" : "M", 0.20));
        }
        for (int i = 0; i < 3; i++) {
            PEOPLE.add(person(random, seen, "P-" + (++n), "Facilities", "IC1", i == 0 ? "F" : "M", 0.0));
        }
        while (PEOPLE.size() < 2000) {
            PEOPLE.add(person(random, seen, "P-" + (++n), "Operations", "IC3", random.nextBoolean() ? "F" : "M", 0.12));
        }
        StringBuilder csv = new StringBuilder(
                "employee_id,occupation_code,job_family,level,country,base_pay,currency,period,variable_pay,gender,fte\n");
        for (Person p : PEOPLE) {
            csv.append(p.id())
                    .append(",13-2011,")
                    .append(p.family())
                    .append(',')
                    .append(p.level())
                    .append(",DE,")
                    .append(plain(p.base()))
                    .append(",EUR,")
                    .append(p.period())
                    .append(',')
                    .append(p.variable() == null ? "" : plain(p.variable()))
                    .append(',')
                    .append(p.gender())
                    .append(',')
                    .append(plain(p.fte()))
                    .append('\n');
        }
        manager = TestUsers.as(APP, Role.HR_MANAGER);
        Api.Reply imported = manager.post("/api/v1/employees?asOf=2026-12-31", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("employees").asInt()).isEqualTo(2000);
        snapshot = imported.json().get("id").asLong();
        Api.Reply answer = manager.get("/api/v1/reports/pay-gap?snapshot=" + snapshot);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        report = answer.json();
    }

    /** Pay of whole euros plus 0.0137 (bin/test's log scan looks for that), part-timers paid pro rata. */
    static Person person(
            Random random, Set<Double> seen, String id, String family, String level, String gender, double gap) {
        while (true) {
            double fullTime = LEVEL_PAY.get(level)
                    * FAMILY_FACTOR.get(family)
                    * (gender.equals("F") ? 1 - gap : 1)
                    * (1 + (random.nextDouble() - 0.5) * 0.06);
            double fte = random.nextDouble() < 0.15 ? (random.nextBoolean() ? 0.5 : 0.8) : 1.0;
            boolean monthly = random.nextDouble() < 0.25;
            double base = Math.round(fullTime * fte / (monthly ? 12 : 1)) + 0.0137;
            Double variable = random.nextDouble() < 0.7
                    ? Math.round(0.08 * fullTime * fte * (1 + (random.nextDouble() - 0.5) * 0.04)) + 0.0137
                    : null;
            Person p = new Person(id, family, level, gender, monthly ? "MONTHLY" : "ANNUAL", base, fte, variable);
            if (seen.add(p.annualFte())) {
                return p;
            }
        }
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // ---- the independent computation ----

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static List<Double> pay(List<Person> people, String gender, boolean variable) {
        return people.stream()
                .filter(p -> p.gender().equals(gender))
                .filter(p -> !variable || p.variable() != null)
                .map(p -> variable ? p.variableFte() : p.annualFte())
                .toList();
    }

    /** (men − women) / men in percent, of the mean or the median. */
    static double gap(List<Person> people, boolean variable, boolean median) {
        List<Double> men = pay(people, "M", variable);
        List<Double> women = pay(people, "F", variable);
        double m = median ? median(men) : mean(men);
        double w = median ? median(women) : mean(women);
        return (m - w) / m * 100;
    }

    static List<Person> counted() {
        return PEOPLE.stream().filter(p -> !p.gender().equals("X")).toList();
    }

    static void near(JsonNode figure, double expected, String what) {
        assertThat(figure.isNull()).as(what + " is shown").isFalse();
        assertThat(figure.doubleValue()).as(what).isCloseTo(expected, within(0.0051));
    }

    @Test
    void theWholeSnapshotsGapsSharesAndQuartilesEqualAnIndependentComputation() {
        List<Person> counted = counted();
        assertThat(report.get("headcount").get("women").asInt())
                .isEqualTo(counted.stream().filter(p -> p.gender().equals("F")).count());
        assertThat(report.get("headcount").get("notCounted").asInt()).isEqualTo(7);
        near(report.get("basicPay").get("meanGap"), gap(counted, false, false), "mean gap, basic");
        near(report.get("basicPay").get("medianGap"), gap(counted, false, true), "median gap, basic");
        near(report.get("variablePay").get("meanGap"), gap(counted, true, false), "mean gap, variable");
        near(report.get("variablePay").get("medianGap"), gap(counted, true, true), "median gap, variable");
        for (String gender : List.of("F", "M")) {
            List<Person> group =
                    counted.stream().filter(p -> p.gender().equals(gender)).toList();
            double share =
                    100.0 * group.stream().filter(p -> p.variable() != null).count() / group.size();
            near(
                    report.get("receivingVariablePay").get(gender.equals("F") ? "women" : "men"),
                    share,
                    "variable share " + gender);
        }
        List<Person> sorted = new ArrayList<>(counted);
        sorted.sort(Comparator.comparingDouble(Person::annualFte));
        int n = sorted.size();
        for (int q = 0; q < 4; q++) {
            List<Person> part = sorted.subList(q * n / 4, (q + 1) * n / 4);
            double women =
                    100.0 * part.stream().filter(p -> p.gender().equals("F")).count() / part.size();
            JsonNode quartile = report.get("quartiles").get(q);
            assertThat(quartile.get("quartile").asInt()).isEqualTo(q + 1);
            near(quartile.get("women"), women, "women in quartile " + (q + 1));
            near(quartile.get("men"), 100 - women, "men in quartile " + (q + 1));
        }
        // the lowest quartile holds more women than the highest: the built gaps show
        assertThat(report.get("quartiles").get(0).get("women").doubleValue())
                .isGreaterThan(report.get("quartiles").get(3).get("women").doubleValue());
        assertThat(report.get("policy").get("jointAssessmentThreshold").decimalValue())
                .isEqualByComparingTo("0.05");
        assertThat(report.get("policy").get("categoryBasis").asText()).isEqualTo("JOB_FAMILY_LEVEL");
        assertThat(report.get("policy").get("rules").toString()).contains("pay-gap-threshold.drl.csv:12");
    }

    @Test
    void everyCategorysGapsEqualAnIndependentComputationAndExactlyTheBuiltGapsOfFivePercentAreFlagged() {
        Map<String, JsonNode> categories = new LinkedHashMap<>();
        report.get("categories").forEach(c -> categories.put(c.get("category").asText(), c));
        assertThat(categories.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        PEOPLE.stream().map(Person::category).collect(java.util.stream.Collectors.toSet()));
        Set<String> flaggedByTest = new TreeSet<>();
        for (String name : BUILT.keySet()) {
            List<Person> group =
                    counted().stream().filter(p -> p.category().equals(name)).toList();
            JsonNode c = categories.get(name);
            assertThat(c.get("shows").asText()).as(name).isEqualTo("SPLIT");
            double basicMean = gap(group, false, false);
            double variableMean = gap(group, true, false);
            near(c.get("basicPay").get("meanGap"), basicMean, name + " basic mean");
            near(c.get("basicPay").get("medianGap"), gap(group, false, true), name + " basic median");
            near(c.get("variablePay").get("meanGap"), variableMean, name + " variable mean");
            near(c.get("variablePay").get("medianGap"), gap(group, true, true), name + " variable median");
            // the built gap shows through the noise
            assertThat(basicMean).as(name).isCloseTo(BUILT.get(name) * 100, within(1.0));
            if (Math.abs(basicMean) >= 5 || Math.abs(variableMean) >= 5) {
                flaggedByTest.add(name);
            }
        }
        Set<String> built = new TreeSet<>();
        BUILT.forEach((name, gap) -> {
            if (Math.abs(gap) >= 0.05) {
                built.add(name);
            }
        });
        Set<String> flagged = new TreeSet<>();
        categories.forEach((name, c) -> {
            if (c.get("flagged").asBoolean()) {
                flagged.add(name);
                assertThat(c.get("flag").asText())
                        .isEqualTo(
                                "joint pay assessment required unless justified by objective, gender-neutral criteria");
            }
        });
        assertThat(built).hasSize(6);
        assertThat(flaggedByTest).isEqualTo(built);
        assertThat(flagged).isEqualTo(built);
    }

    @Test
    void aCategoryWithFourWomenAndTwoMenShowsNoSplitAndOneOfThreeShowsNothing() {
        Map<String, JsonNode> categories = new LinkedHashMap<>();
        report.get("categories").forEach(c -> categories.put(c.get("category").asText(), c));
        JsonNode legal = categories.get("Legal × M1");
        assertThat(legal.get("shows").asText()).isEqualTo("NO_SPLIT");
        assertThat(legal.get("employees").asInt()).isEqualTo(6);
        assertThat(legal.get("women").isNull()).isTrue();
        assertThat(legal.get("basicPay").isNull()).isTrue();
        assertThat(legal.get("flagged").asBoolean()).isFalse();
        JsonNode facilities = categories.get("Facilities × IC1");
        assertThat(facilities.get("shows").asText()).isEqualTo("SUPPRESSED");
        assertThat(facilities.get("employees").isNull()).isTrue();
    }

    @Test
    void aCategoryWithFourWomenIsSplitOnlyWhenTheMenAreEnoughToo() {
        // a second snapshot: 4 women and 2 men in one category (a 6-person cell): no split; 4 women, 3 men: split
        StringBuilder csv = new StringBuilder(
                "employee_id,occupation_code,job_family,level,country,base_pay,currency,period,gender,fte\n");
        String[] genders = {"F", "F", "F", "F", "M", "M", "F", "F", "F", "F", "M", "M", "M"};
        for (int i = 0; i < genders.length; i++) {
            String level = i < 6 ? "IC2" : "IC3";
            csv.append("S-")
                    .append(i)
                    .append(",13-2011,Finance,")
                    .append(level)
                    .append(",DE,")
                    .append(60000 + i * 1000)
                    .append(".0137,EUR,ANNUAL,")
                    .append(genders[i])
                    .append(",1\n");
        }
        long small = manager.post("/api/v1/employees?asOf=2026-11-30", "text/csv", csv.toString())
                .json()
                .get("id")
                .asLong();
        JsonNode answer =
                manager.get("/api/v1/reports/pay-gap?snapshot=" + small).json();
        Map<String, JsonNode> categories = new LinkedHashMap<>();
        answer.get("categories").forEach(c -> categories.put(c.get("category").asText(), c));
        assertThat(categories.get("Finance × IC2").get("shows").asText()).isEqualTo("NO_SPLIT");
        assertThat(categories.get("Finance × IC2").get("basicPay").isNull()).isTrue();
        assertThat(categories.get("Finance × IC3").get("shows").asText()).isEqualTo("SPLIT");
        assertThat(categories.get("Finance × IC3").get("women").asInt()).isEqualTo(4);
        // 8 women and 5 men overall: the snapshot's own figures are shown
        assertThat(answer.get("basicPay").get("meanGap").isNull()).isFalse();
        assertThat(manager.delete("/api/v1/employees/snapshots/" + small).status())
                .isEqualTo(204);
    }

    @Test
    void aJustificationIsKeptWithTheCategoryAndAudited() {
        Api.Reply saved = manager.put(
                "/api/v1/reports/pay-gap/justifications",
                "{\"snapshot\": " + snapshot + ", \"category\": \"Finance × IC4\", \"justification\": "
                        + "\"Night-shift allowance of the audit team, paid by shift pattern\"}");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        JsonNode finance = null;
        for (JsonNode c : manager.get("/api/v1/reports/pay-gap?snapshot=" + snapshot)
                .json()
                .get("categories")) {
            if (c.get("category").asText().equals("Finance × IC4")) {
                finance = c;
            }
        }
        assertThat(finance.get("justification").get("text").asText()).startsWith("Night-shift allowance");
        assertThat(finance.get("justification").get("author").asText()).isEqualTo("hr-manager-user");
        JsonNode audit = TestUsers.admin(APP)
                .get("/api/v1/audit?action=reports.pay-gap.justification")
                .json();
        assertThat(audit.get(0).get("details").asText()).startsWith("Night-shift allowance");
        assertThat(audit.get(0).get("resource").asText()).contains("Finance × IC4");

        Api.Reply unknown = manager.put(
                "/api/v1/reports/pay-gap/justifications",
                "{\"snapshot\": " + snapshot + ", \"category\": \"Nowhere × IC9\", \"justification\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("details").get(0).get("field").asText()).isEqualTo("category");
    }

    @Test
    void theCsvXlsxAndPdfSayWhatTheJsonSays() throws Exception {
        HttpResponse<byte[]> csv = download("csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("pay-gap-snapshot-" + snapshot + ".csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Summary,\"mean gap, basic pay (%)\","
                        + report.get("basicPay").get("meanGap").decimalValue().toPlainString());
        assertThat(text)
                .contains("Categories of workers,Sales × IC2 / flag,"
                        + "\"joint pay assessment required unless justified by objective, gender-neutral criteria\"");
        assertThat(text).contains("Categories of workers,Legal × M1 / women,not shown");

        HttpResponse<byte[]> xlsx = download("xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
            Sheet categories = workbook.getSheet("Categories of workers");
            assertThat(categories.getLastRowNum())
                    .isEqualTo(report.get("categories").size());
            int flagged = 0;
            for (Row row : categories) {
                if (row.getRowNum() > 0 && !row.getCell(9).getStringCellValue().isEmpty()) {
                    flagged++;
                }
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("Sales × IC2")) {
                    assertThat(row.getCell(5).getNumericCellValue())
                            .isEqualTo(category("Sales × IC2")
                                    .get("basicPay")
                                    .get("meanGap")
                                    .doubleValue());
                }
            }
            assertThat(flagged).isEqualTo(6);
        }

        HttpResponse<byte[]> pdf = download("pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(Arrays.copyOf(pdf.body(), 5), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
        StringBuilder pages = new StringBuilder();
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor =
                new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            pages.append(extractor.getTextFromPage(page)).append('\n');
        }
        String pdfText = pages.toString();
        assertThat(pdfText).contains("Gender pay-gap report");
        assertThat(pdfText).contains("6 categories have a gap of 5 % or more");
        assertThat(pdfText)
                .contains(report.get("basicPay").get("meanGap").decimalValue().toPlainString());

        assertThat(manager.get("/api/v1/reports/pay-gap?snapshot=" + snapshot + "&format=doc")
                        .status())
                .isEqualTo(400);
        assertThat(manager.get("/api/v1/reports/pay-gap?snapshot=abc")
                        .json()
                        .get("details")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("snapshot");
        assertThat(manager.get("/api/v1/reports/pay-gap?snapshot=987654").status())
                .isEqualTo(404);
    }

    @Test
    void erasingOneOfTheTwoThousandLeavesNoRowOfThemInAnyTable() {
        Api.Reply erased = manager.postJson("/api/v1/employees/erasures", "{\"employeeId\": \"P-1999\"}");
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        assertThat(erased.json().get("erasedRows").asInt()).isEqualTo(1);
        String key = EmployeeKeysProbe.key("Pay-gap-test-key-5521", "P-1999");
        assertThat(DatabaseScan.find(DB, key)).isEmpty();
        assertThat(DatabaseScan.find(DB, "P-1999")).isEmpty();
        assertThat(DatabaseScan.count(DB, "employee_record", "snapshot_id = " + snapshot))
                .isEqualTo(1999);
        // the others are still there, under the same keyed hashes
        assertThat(DatabaseScan.find(DB, EmployeeKeysProbe.key("Pay-gap-test-key-5521", "P-1998")))
                .containsExactly("employee_record.employee_key");
    }

    private static JsonNode category(String name) {
        for (JsonNode c : report.get("categories")) {
            if (c.get("category").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    private static HttpResponse<byte[]> download(String format) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort()
                        + "/api/v1/reports/pay-gap?snapshot=" + snapshot + "&format=" + format))
                .header("Authorization", "Bearer " + manager.token())
                .GET()
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
