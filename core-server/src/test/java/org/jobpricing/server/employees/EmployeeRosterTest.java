package org.jobpricing.server.employees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.Routes;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roster imports (CSV and XLSX, atomic, dated snapshots), privacy (keyed ids, audited reads, erasure
 * that leaves nothing in any table, roles) and employees against the market, on H2.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EmployeeRosterTest {

    /** Every test pay figure ends in .0137, so bin/test's log scan can tell one in the captured logs. */
    static final String HEADER =
            "employee_id,occupation_code,level,country,area,base_pay,currency,period,variable_pay,hire_date,gender,fte\n";

    static final TestDatabases.Db DB = TestDatabases.h2();
    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.app(DB, "plugins.refreshOnStartup", "false", "employees.idKey", "Employee-id-key-for-tests-9410");

    static Api manager;

    @BeforeAll
    static void market() {
        manager = TestUsers.as(APP, Role.HR_MANAGER);
        Api.Reply imported = manager.post(
                "/api/v1/market-data/observations",
                "text/csv",
                "source_id,source_type,occupation_code,level,country,area,currency,period,effective_date,"
                        + "p10,p25,p50,p75,p90,sample_size,org_count\n"
                        + "roster-test-survey,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2026-06-30,,,120000,,,100,20\n");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    private static Api.Reply importCsv(String csv, String asOf) {
        return manager.post("/api/v1/employees?asOf=" + asOf, "text/csv", csv);
    }

    @Test
    void aCsvAndAnXlsxRosterAreDatedSnapshotsAndTheEarlierStaysReadable() throws IOException {
        Api.Reply first = importCsv(
                HEADER
                        + "A-100,15-1252,IC3,US,,90000.0137,USD,ANNUAL,,2020-01-15,F,1\n"
                        + "A-101,15-1252,ic3,us,,10000.0137,usd,monthly,5000,,M,1\n",
                "2026-01-31");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long firstId = first.json().get("id").asLong();
        assertThat(first.json().get("asOf").asText()).isEqualTo("2026-01-31");
        assertThat(first.json().get("employees").asInt()).isEqualTo(2);
        assertThat(first.json().get("idsHashed").asBoolean()).isTrue();
        assertThat(first.headers().firstValue("Location").orElse(""))
                .endsWith("/api/v1/employees/snapshots/" + firstId);

        byte[] xlsx = workbook(List.of(
                List.of(
                        "employee_id",
                        "occupation_code",
                        "level",
                        "country",
                        "base_pay",
                        "currency",
                        "period",
                        "fte",
                        "gender",
                        "hire_date"),
                List.of("A-100", "15-1252", "IC3", "US", 91000.0137, "USD", "ANNUAL", 1, "F", "2020-01-15"),
                List.of("A-101", "15-1252", "IC3", "US", 10500.0137, "USD", "MONTHLY", 0.8, "M", ""),
                List.of("A-102", "15-1252", "IC4", "US", 130000.0137, "USD", "ANNUAL", 1, "", "")));
        Api.Reply second = manager.request(
                "POST",
                "/api/v1/employees?asOf=2026-02-28&label=February",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        long secondId = second.json().get("id").asLong();
        assertThat(second.json().get("employees").asInt()).isEqualTo(3);
        assertThat(second.json().get("label").asText()).isEqualTo("February");

        JsonNode list = manager.get("/api/v1/employees").json();
        List<Long> ids = new ArrayList<>();
        list.get("items").forEach(s -> ids.add(s.get("id").asLong()));
        assertThat(ids).containsSubsequence(secondId, firstId);

        JsonNode earlier = manager.get("/api/v1/employees/snapshots/" + firstId + "/employees")
                .json();
        assertThat(earlier.get("total").asInt()).isEqualTo(2);
        JsonNode a101 = earlier.get("items").get(1);
        assertThat(a101.get("period").asText()).isEqualTo("MONTHLY");
        assertThat(a101.get("currency").asText()).isEqualTo("USD");
        assertThat(a101.get("level").asText()).isEqualTo("IC3");
        assertThat(a101.get("basePay").decimalValue()).isEqualByComparingTo("10000.0137");
        assertThat(a101.get("annualFtePay").decimalValue()).isEqualByComparingTo("120000.16");
        // the id is stored only as its keyed hash: the same id gives the same key in both snapshots
        String key = earlier.get("items").get(0).get("employeeKey").asText();
        assertThat(key).matches("[0-9a-f]{64}").isNotEqualTo("A-100");
        JsonNode later = manager.get("/api/v1/employees/snapshots/" + secondId + "/employees")
                .json();
        assertThat(later.get("items").get(0).get("employeeKey").asText()).isEqualTo(key);
        assertThat(later.get("items").get(1).get("fte").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(later.get("items").get(1).get("annualFtePay").decimalValue()).isEqualByComparingTo("157500.21");
        assertThat(DatabaseScan.find(DB, "A-100")).isEmpty();
    }

    @Test
    void anyBadLineRefusesTheWholeRosterAndNamesEveryBadLine() {
        long before = DatabaseScan.count(DB, "employee_record", "1 = 1");
        long snapshots = DatabaseScan.count(DB, "employee_snapshot", "1 = 1");
        Api.Reply reply = importCsv(
                HEADER
                        + "B-1,15-1252,IC3,US,,90000.0137,USD,ANNUAL,,,F,1\n"
                        + "B-2,15-1252,IC3,XX,,12x000,USD,ANNUAL,,,F,1\n"
                        + "B-3,15-1252,IC3,US,,90000.0137,USD,ANNUAL,,,F,1\n"
                        + "B-3,15-1252,IC3,US,,90000.0137,USD,WEEKLY,,2027-01-01,Q,1.5\n"
                        + "B-5,15-1252,IC3,US,,90000.0137,EUR,ANNUAL,,,M,1\n",
                "2026-03-31");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("INVALID_ROSTER");
        JsonNode details = reply.json().get("details");
        Map<Integer, List<String>> columnsByLine = new HashMap<>();
        details.forEach(d -> columnsByLine
                .computeIfAbsent(d.get("line").asInt(), l -> new ArrayList<>())
                .add(d.get("column").asText()));
        assertThat(columnsByLine.keySet()).containsExactlyInAnyOrder(3, 5);
        assertThat(columnsByLine.get(3)).containsExactlyInAnyOrder("country", "base_pay");
        assertThat(columnsByLine.get(5)).containsExactlyInAnyOrder("period", "hire_date", "gender", "fte");
        // a bad pay figure is not echoed back
        assertThat(reply.text()).doesNotContain("12x000");
        assertThat(DatabaseScan.count(DB, "employee_record", "1 = 1")).isEqualTo(before);
        assertThat(DatabaseScan.count(DB, "employee_snapshot", "1 = 1")).isEqualTo(snapshots);

        Api.Reply duplicate = importCsv(
                HEADER
                        + "C-1,15-1252,IC3,US,,90000.0137,USD,ANNUAL,,,F,1\nC-1,15-1252,IC3,US,,1.0137,USD,ANNUAL,,,F,1\n",
                "2026-03-31");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("details").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(duplicate.json().get("details").get(0).get("message").asText())
                .contains("line 2");
    }

    @Test
    void aRosterWithNamesOrUnknownColumnsIsRefusedByColumn() {
        Api.Reply named = importCsv(
                "employee_id,name,occupation_code,level,country,base_pay,currency,period,fte\n"
                        + "N-1,Ada Lovelace,15-1252,IC3,US,90000.0137,USD,ANNUAL,1\n",
                "2026-03-31");
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.json().get("details").get(0).get("column").asText()).isEqualTo("name");
        assertThat(named.json().get("details").get(0).get("message").asText()).contains("not stored");

        Api.Reply missing = importCsv("employee_id,level,country\nN-1,IC3,US\n", "2026-03-31");
        assertThat(missing.status()).isEqualTo(400);
        List<String> columns = new ArrayList<>();
        missing.json().get("details").forEach(d -> columns.add(d.get("column").asText()));
        assertThat(columns).contains("occupation_code", "base_pay", "currency", "period", "fte");

        assertThat(manager.post("/api/v1/employees", "text/csv", HEADER)
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("INVALID_ROSTER");
        assertThat(manager.post("/api/v1/employees?asOf=31-03-2026", "text/csv", HEADER)
                        .json()
                        .get("details")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("asOf");
        Api.Reply garbage = manager.request(
                "POST", "/api/v1/employees", "application/octet-stream", new byte[] {'P', 'K', 3, 4, 0, 1, 2});
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("details").get(0).get("message").asText()).contains("XLSX");
    }

    @Test
    void employeesAreMeasuredAgainstAQuotedBandAndTheAnswerNamesTheRuleVersion() {
        Api.Reply imported = importCsv(
                HEADER
                        + "M-1,15-1252,IC3,US,,90000.0137,USD,ANNUAL,,,F,1\n"
                        + "M-2,15-1252,IC3,US,,10000.0137,USD,MONTHLY,,,M,1\n"
                        + "M-3,15-1252,IC3,US,,50.0137,USD,HOURLY,,,F,1\n"
                        + "M-4,15-1252,IC3,US,,75000.0137,USD,ANNUAL,,,M,0.5\n"
                        + "M-5,15-1252,IC3,US,,100000.0137,USD,ANNUAL,,,F,1\n"
                        + "M-6,15-1252,IC3,US,US-35620,100000.0137,USD,ANNUAL,,,M,1\n"
                        + "M-7,99-9999,IC3,US,,100000.0137,USD,ANNUAL,,,M,1\n",
                "2026-06-30");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        long id = imported.json().get("id").asLong();

        JsonNode position = manager.get("/api/v1/employees/snapshots/" + id + "/market-position")
                .json();
        JsonNode us = band(position, "15-1252", null);
        // method §6: mid = P50 120000, spread 0.50 -> min 96000, max 144000 (USD rounds to 500)
        assertThat(us.get("mid").decimalValue()).isEqualByComparingTo("120000");
        assertThat(us.get("min").decimalValue()).isEqualByComparingTo("96000");
        assertThat(us.get("max").decimalValue()).isEqualByComparingTo("144000");
        assertThat(us.get("source").asText()).isEqualTo("FRESH_QUOTE");
        assertThat(us.get("rulesetVersion").asText()).isNotBlank();
        JsonNode quote = manager.get(
                        "/api/v1/pricing/quotes/" + us.get("quoteId").asText())
                .json();
        assertThat(quote.get("band").get("mid").decimalValue()).isEqualByComparingTo("120000");
        assertThat(quote.get("rulesetVersion").asText())
                .isEqualTo(us.get("rulesetVersion").asText());
        // New York metro (method §11: the national figures times the area index of US-35620)
        JsonNode nyQuote = manager.postJson("/api/v1/pricing/quotes", """
                        {"title": "Software Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                         "area": "US-35620", "currency": "USD", "asOf": "2026-06-30"}""").json();
        double nyMid = nyQuote.at("/band/mid").doubleValue();
        assertThat(band(position, "15-1252", "US-35620").get("mid").decimalValue())
                .isEqualByComparingTo(nyQuote.at("/band/mid").decimalValue())
                .isGreaterThan(new java.math.BigDecimal("120000"));
        assertThat(band(position, "99-9999", null).get("problem").asText()).contains("no quote could be priced");
        assertThat(band(position, "99-9999", null).get("mid").isNull()).isTrue();

        // the whole snapshot: 6 with a band; M-1 below min by 5999.99, M-6 below the New York min; M-4 above max
        double nycMin = band(position, "15-1252", "US-35620").get("min").doubleValue();
        assertThat(nycMin).isGreaterThan(100000.0137);
        JsonNode total = position.get("total");
        assertThat(total.get("employees").asInt()).isEqualTo(7);
        assertThat(total.get("withBand").asInt()).isEqualTo(6);
        assertThat(total.get("belowMin").asInt()).isEqualTo(2);
        assertThat(total.get("aboveMax").asInt()).isEqualTo(1);
        assertThat(total.get("costToMin").get("USD").doubleValue())
                .isCloseTo((96000 - 90000.0137) + (nycMin - 100000.0137), within(0.006));
        double[] ratios = {
            90000.0137 / 120000,
            120000.1644 / 120000,
            50.0137 * 2080 / 120000,
            150000.0274 / 120000,
            100000.0137 / 120000,
            100000.0137 / nyMid
        };
        java.util.Arrays.sort(ratios);
        double p50 = (ratios[2] + ratios[3]) / 2;
        assertThat(total.get("compaRatio").get("p50").doubleValue()).isCloseTo(p50, within(0.00005));
        double p10 = ratios[0] + (ratios[1] - ratios[0]) * 0.5;
        assertThat(total.get("compaRatio").get("p10").doubleValue()).isCloseTo(p10, within(0.00005));
        // locations: US has 6 employees (shown), US-35620 one (suppressed: no figure at all)
        JsonNode locations = position.get("distributions").get("location");
        assertThat(cell(locations, "US").get("employees").asInt()).isEqualTo(6);
        assertThat(cell(locations, "US-35620").get("suppressed").asBoolean()).isTrue();
        assertThat(cell(locations, "US-35620").get("employees").isNull()).isTrue();
        assertThat(cell(position.get("distributions").get("job"), "99-9999")
                        .get("suppressed")
                        .asBoolean())
                .isTrue();

        // individual rows: compa-ratio and range penetration of M-1, and the second read reuses the stored quote
        JsonNode rows =
                manager.get("/api/v1/employees/snapshots/" + id + "/employees").json();
        JsonNode m1 = rows.get("items").get(0);
        assertThat(m1.get("compaRatio").doubleValue()).isCloseTo(90000.0137 / 120000, within(0.00005));
        assertThat(m1.get("rangePenetration").doubleValue()).isCloseTo((90000.0137 - 96000) / 48000, within(0.00005));
        assertThat(m1.get("belowMin").asBoolean()).isTrue();
        assertThat(m1.get("costToMin").decimalValue()).isEqualByComparingTo("5999.99");
        JsonNode m4 = rows.get("items").get(3);
        assertThat(m4.get("aboveMax").asBoolean()).isTrue();
        assertThat(m4.get("rangePenetration").doubleValue()).isCloseTo((150000.0274 - 96000) / 48000, within(0.00005));
        JsonNode reused = band(rows, "15-1252", null);
        assertThat(reused.get("source").asText()).isEqualTo("STORED_QUOTE");
        assertThat(reused.get("quoteId").asText()).isEqualTo(us.get("quoteId").asText());
        assertThat(band(
                                manager.get("/api/v1/employees/snapshots/" + id + "/market-position?bands=fresh")
                                        .json(),
                                "15-1252",
                                null)
                        .get("source")
                        .asText())
                .isEqualTo("FRESH_QUOTE");

        // every read of individual rows is in the audit trail, without pay
        JsonNode audit =
                TestUsers.admin(APP).get("/api/v1/audit?action=employees.read").json();
        assertThat(audit.findValuesAsText("resource")).contains("employee-snapshot:" + id);
        assertThat(audit.toString()).doesNotContain("90000").doesNotContain(".0137");
    }

    @Test
    void erasingAnEmployeeOrASnapshotLeavesNothingInAnyTable() {
        long first = importCsv(
                        HEADER
                                + "E-77,15-1252,IC3,US,,91234.0137,USD,ANNUAL,,,F,1\nE-78,15-1252,IC3,US,,81234.0137,USD,ANNUAL,,,M,1\n",
                        "2026-04-30")
                .json()
                .get("id")
                .asLong();
        long second = importCsv(
                        HEADER
                                + "E-77,15-1252,IC3,US,,92234.0137,USD,ANNUAL,,,F,1\nE-79,15-1252,IC3,US,,71234.0137,USD,ANNUAL,,,M,1\n",
                        "2026-05-31")
                .json()
                .get("id")
                .asLong();
        String key = manager.get("/api/v1/employees/snapshots/" + first + "/employees")
                .json()
                .get("items")
                .get(0)
                .get("employeeKey")
                .asText();
        assertThat(DatabaseScan.find(DB, key)).containsExactly("EMPLOYEE_RECORD.EMPLOYEE_KEY");

        Api.Reply erased = manager.postJson("/api/v1/employees/erasures", "{\"employeeId\": \"E-77\"}");
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        assertThat(erased.json().get("erasedRows").asInt()).isEqualTo(2);
        assertThat(erased.json().get("snapshots").size()).isEqualTo(2);
        assertThat(DatabaseScan.find(DB, key)).isEmpty();
        assertThat(DatabaseScan.find(DB, "E-77")).isEmpty();
        assertThat(DatabaseScan.count(DB, "employee_record", "base_pay IN (91234.0137, 92234.0137)"))
                .isZero();
        assertThat(manager.get("/api/v1/employees/snapshots/" + first)
                        .json()
                        .get("employees")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.postJson("/api/v1/employees/erasures", "{\"employeeId\": \"E-77\"}")
                        .status())
                .isEqualTo(404);

        String key79 = manager.get("/api/v1/employees/snapshots/" + second + "/employees")
                .json()
                .get("items")
                .get(0)
                .get("employeeKey")
                .asText();
        assertThat(manager.delete("/api/v1/employees/snapshots/" + second).status())
                .isEqualTo(204);
        assertThat(DatabaseScan.count(DB, "employee_record", "snapshot_id = " + second))
                .isZero();
        assertThat(DatabaseScan.count(DB, "employee_snapshot", "id = " + second))
                .isZero();
        assertThat(DatabaseScan.count(DB, "pay_gap_justification", "snapshot_id = " + second))
                .isZero();
        assertThat(DatabaseScan.find(DB, key79)).isEmpty();
        assertThat(manager.get("/api/v1/employees/snapshots/" + second).status())
                .isEqualTo(404);
        assertThat(manager.get("/api/v1/employees/snapshots/" + first).status()).isEqualTo(200);

        String key78 = manager.get("/api/v1/employees/snapshots/" + first + "/employees")
                .json()
                .get("items")
                .get(0)
                .get("employeeKey")
                .asText();
        assertThat(manager.delete("/api/v1/employees/" + key78)
                        .json()
                        .get("erasedRows")
                        .asInt())
                .isEqualTo(1);
        assertThat(DatabaseScan.find(DB, key78)).isEmpty();
    }

    @Test
    void onlyAdminAndHrManagerReachAnyEmployeeRoute() {
        List<Routes.Route> routes = Routes.of(APP).stream()
                .filter(r ->
                        r.path().startsWith("/api/v1/employees") || r.path().startsWith("/api/v1/reports/pay-gap"))
                .toList();
        assertThat(routes)
                .extracting(Routes.Route::toString)
                .containsExactlyInAnyOrder(
                        "POST /api/v1/employees",
                        "GET /api/v1/employees",
                        "GET /api/v1/employees/snapshots/{id}",
                        "GET /api/v1/employees/snapshots/{id}/employees",
                        "GET /api/v1/employees/snapshots/{id}/market-position",
                        "DELETE /api/v1/employees/snapshots/{id}",
                        "DELETE /api/v1/employees/{employeeKey}",
                        "POST /api/v1/employees/erasures",
                        "GET /api/v1/reports/pay-gap",
                        "PUT /api/v1/reports/pay-gap/justifications");
        List<String> failures = new ArrayList<>();
        for (Routes.Route route : routes) {
            String path = route.path().replaceAll("\\{[^}]+}", "1");
            for (Role role : Role.values()) {
                Api api = TestUsers.as(APP, role);
                int status = switch (route.httpMethod()) {
                    case "GET" -> api.get(path).status();
                    case "DELETE" -> api.delete(path + "999").status();
                    case "PUT" -> api.put(path, "{}").status();
                    default ->
                        api.post(path, route.consumes(), route.consumes().startsWith("text/") ? HEADER : "{}")
                                .status();
                };
                boolean allowed = role == Role.ADMIN || role == Role.HR_MANAGER;
                if (allowed == (status == 403) || status == 401) {
                    failures.add(route + " as " + role + ": " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static JsonNode band(JsonNode answer, String occupation, String area) {
        for (JsonNode band : answer.get("bands")) {
            if (band.get("occupationCode").asText().equals(occupation)
                    && (area == null
                            ? band.get("area").isNull()
                            : area.equals(band.get("area").asText()))) {
                return band;
            }
        }
        throw new AssertionError("no band for " + occupation + " " + area + " in " + answer.get("bands"));
    }

    private static JsonNode cell(JsonNode cells, String key) {
        for (JsonNode cell : cells) {
            if (cell.get("key").asText().equals(key)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + key + " in " + cells);
    }

    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Roster");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
