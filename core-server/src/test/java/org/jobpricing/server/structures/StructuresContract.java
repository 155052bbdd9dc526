package org.jobpricing.server.structures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Salary structures through HTTP on the bundled BLS data (national OEWS medians, May 2025): 20 jobs
 * priced at IC3 on 2026-05-01, so each job's market reference point is its BLS median × 1.03 (12
 * months of aging, level factor 1). The figures are computed again here, as a spreadsheet would, from
 * the BLS medians and the policy tables' values. Runs on H2 and on PostgreSQL.
 */
abstract class StructuresContract {

    abstract DropwizardAppExtension<JobPricingConfiguration> app();

    /** 20 occupations of the bundled file with their national median (a_median, May 2025). */
    static final Map<String, Double> BLS = new LinkedHashMap<>();

    static {
        BLS.put("43-4051", 44770.0);
        BLS.put("43-6014", 47540.0);
        BLS.put("43-3031", 50670.0);
        BLS.put("15-1232", 61860.0);
        BLS.put("27-1024", 62960.0);
        BLS.put("13-1071", 75940.0);
        BLS.put("13-1161", 78760.0);
        BLS.put("13-2011", 83680.0);
        BLS.put("15-1244", 99130.0);
        BLS.put("13-1111", 101860.0);
        BLS.put("13-2051", 102740.0);
        BLS.put("17-2141", 104110.0);
        BLS.put("15-1211", 105850.0);
        BLS.put("15-2051", 120230.0);
        BLS.put("15-1212", 129180.0);
        BLS.put("15-1252", 135980.0);
        BLS.put("11-2021", 166790.0);
        BLS.put("11-3021", 175140.0);
        BLS.put("29-1141", 97550.0);
        BLS.put("11-9111", 123860.0);
    }

    Api manager;
    Api viewer;
    Map<String, Double> medians;

    @BeforeEach
    void signIn() throws IOException {
        manager = TestUsers.as(app(), Role.HR_MANAGER);
        viewer = TestUsers.as(app(), Role.VIEWER);
        medians = blsMedians();
    }

    /** The 20 medians, checked against the plugin's bundled file (the figures the server loaded). */
    Map<String, Double> blsMedians() throws IOException {
        Map<String, Double> file = new HashMap<>();
        // the national rows of May 2025, the newest edition a national quote uses (method §11)
        Path bundled =
                Path.of("../plugins/bls-oews/src/main/resources/org/jobpricing/plugins/blsoews/oews_2025.csv.gz");
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(bundled)),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] c = line.split(",");
                if (c.length > 7 && c[1].equals("national") && !c[7].isBlank()) {
                    file.put(c[3], Double.parseDouble(c[7]));
                }
            }
        }
        BLS.forEach((code, median) -> assertThat(file.get(code)).as(code).isEqualTo(median));
        return BLS;
    }

    String price(String code) {
        Api.Reply q = manager.postJson("/api/v1/pricing/quotes", """
                {"title": "Job %s", "occupationCode": "%s", "level": "IC3", "country": "US", "asOf": "2026-05-01"}""".formatted(code, code));
        assertThat(q.status()).as(q.text()).isEqualTo(201);
        return q.json().get("id").asText();
    }

    /** Half-up to a multiple of 500 (rounding.drl.csv, USD). */
    static double round500(double v) {
        return Math.floor(v / 500 + 0.5) * 500;
    }

    /** grade-spreads.drl.csv: grades 1-3 0.40, 4-6 0.50, 7-9 0.60. */
    static double spread(int grade) {
        return grade <= 3 ? 0.40 : grade <= 6 ? 0.50 : 0.60;
    }

    @Test
    void eightGradesFromTwentyBlsJobsWithTenPercentProgressionEqualAnIndependentComputation() {
        List<String> codes = new ArrayList<>(medians.keySet());
        List<String> quotes = codes.stream().map(this::price).toList();
        StringBuilder jobs = new StringBuilder();
        for (String id : quotes) {
            jobs.append(jobs.length() == 0 ? "" : ",")
                    .append("{\"quoteId\": \"")
                    .append(id)
                    .append("\"}");
        }
        Api.Reply built = manager.postJson("/api/v1/structures", """
                {"name": "US staff 2026", "method": "PROGRESSION", "grades": 8, "progression": 0.10, "jobs": [%s]}""".formatted(jobs));
        assertThat(built.status()).as(built.text()).isEqualTo(201);
        JsonNode s = built.json();
        assertThat(built.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/v1/structures/" + s.get("id").asText());

        // the spreadsheet: MRP = median x 1.03; mid1 = geomean(MRP) / 1.1^3.5; mid_k = mid1 x 1.1^(k-1)
        double[] mrp = codes.stream().mapToDouble(c -> medians.get(c) * 1.03).toArray();
        double logSum = 0;
        for (double m : mrp) {
            logSum += Math.log(m);
        }
        double mid1 = Math.exp(logSum / mrp.length) / Math.pow(1.1, 3.5);
        double[] mins = new double[8];
        double[] mids = new double[8];
        double[] maxs = new double[8];
        for (int k = 0; k < 8; k++) {
            double mid = mid1 * Math.pow(1.1, k);
            double min = mid * 2 / (2 + spread(k + 1));
            mins[k] = round500(min);
            mids[k] = round500(mid);
            maxs[k] = round500(min * (1 + spread(k + 1)));
        }
        assertThat(s.get("status").asText()).isEqualTo("DRAFT");
        assertThat(s.get("version").asInt()).isEqualTo(1);
        assertThat(s.get("currency").asText()).isEqualTo("USD");
        assertThat(s.get("rounding").decimalValue()).isEqualByComparingTo("500");
        assertThat(s.get("rulesetVersion").asText()).isEqualTo("v1");
        assertThat(s.get("grades")).hasSize(8);
        for (int k = 0; k < 8; k++) {
            JsonNode g = s.get("grades").get(k);
            assertThat(g.get("grade").asInt()).isEqualTo(k + 1);
            assertThat(g.get("min").doubleValue()).as("grade %d min", k + 1).isEqualTo(mins[k]);
            assertThat(g.get("mid").doubleValue()).as("grade %d mid", k + 1).isEqualTo(mids[k]);
            assertThat(g.get("max").doubleValue()).as("grade %d max", k + 1).isEqualTo(maxs[k]);
            assertThat(g.get("spread").doubleValue()).isCloseTo((maxs[k] - mins[k]) / mins[k], within(1e-6));
            if (k == 0) {
                assertThat(g.get("progression").isNull()).isTrue();
            } else {
                assertThat(g.get("progression").doubleValue()).isCloseTo(mids[k] / mids[k - 1] - 1, within(1e-6));
                assertThat(g.get("progression").doubleValue()).isCloseTo(0.10, within(0.01));
            }
            assertThat(g.at("/spreadRule/file").asText()).isEqualTo("grade-spreads.drl.csv");
            assertThat(g.at("/spreadRule/line").asInt()).isEqualTo(k < 3 ? 12 : k < 6 ? 13 : 14);
        }
        // slotting: the grade whose mid is closest, and the +-10 % report
        int outside = 0;
        for (int i = 0; i < codes.size(); i++) {
            int best = 0;
            for (int k = 1; k < 8; k++) {
                if (Math.abs(mrp[i] - mids[k]) < Math.abs(mrp[i] - mids[best])) {
                    best = k;
                }
            }
            double deviation = mrp[i] / mids[best] - 1;
            JsonNode job = s.get("jobs").get(i);
            assertThat(job.get("quoteId").asText()).isEqualTo(quotes.get(i));
            assertThat(job.get("marketReferencePoint").doubleValue()).isCloseTo(mrp[i], within(0.006));
            assertThat(job.get("grade").asInt()).as(codes.get(i)).isEqualTo(best + 1);
            assertThat(job.get("deviation").doubleValue()).isCloseTo(deviation, within(1e-6));
            assertThat(job.get("outside").asBoolean()).isEqualTo(Math.abs(deviation) > 0.10);
            outside += Math.abs(deviation) > 0.10 ? 1 : 0;
        }
        assertThat(s.get("jobsOutside").asInt()).isEqualTo(outside);
        assertThat(outside)
                .as("20 jobs from $45k to $180k do not all fit 8 grades 10 %% apart")
                .isPositive();

        // stored: the same figures come back, and the build is in the audit trail
        Api.Reply again = viewer.get("/api/v1/structures/" + s.get("id").asText());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("grades")).isEqualTo(s.get("grades"));
        JsonNode audit = TestUsers.admin(app())
                .get("/api/v1/audit?action=structure.build&limit=5")
                .json();
        assertThat(audit.toString()).contains("structure:" + s.get("id").asText(), "8 grades, 20 jobs");
    }

    @Test
    void regressionMidsAreWithinOnePercentOfTheFittedLine() {
        // requests priced on the fly, each with a job-evaluation score
        List<String> codes = new ArrayList<>(medians.keySet());
        double[] scores = new double[codes.size()];
        StringBuilder jobs = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            scores[i] = 200 + 35 * i;
            jobs.append(i == 0 ? "" : ",").append("""
                    {"score": %s, "request": {"title": "Job %s", "occupationCode": "%s", "level": "IC3",
                     "country": "US", "asOf": "2026-05-01"}}""".formatted(scores[i], codes.get(i), codes.get(i)));
        }
        Api.Reply built = manager.postJson("/api/v1/structures", """
                {"name": "US staff by points", "method": "REGRESSION", "grades": 8, "jobs": [%s]}""".formatted(jobs));
        assertThat(built.status()).as(built.text()).isEqualTo(201);
        JsonNode s = built.json();

        // ordinary least squares of ln(MRP) on the score, computed here
        int n = codes.size();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += scores[i] / n;
            my += Math.log(medians.get(codes.get(i)) * 1.03) / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (scores[i] - mx) * (scores[i] - mx);
            sxy += (scores[i] - mx) * (Math.log(medians.get(codes.get(i)) * 1.03) - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        assertThat(s.at("/fit/slope").doubleValue()).isCloseTo(slope, within(1e-6));
        assertThat(s.at("/fit/intercept").doubleValue()).isCloseTo(intercept, within(1e-6));
        assertThat(s.at("/fit/rSquared").doubleValue()).isBetween(0.5, 1.0);
        assertThat(s.get("progression").isNull()).isTrue();
        double from = scores[0];
        double to = scores[n - 1];
        for (int k = 0; k < 8; k++) {
            JsonNode g = s.get("grades").get(k);
            double score = from + k * (to - from) / 7;
            double line = Math.exp(intercept + slope * score);
            assertThat(g.get("score").doubleValue()).isCloseTo(score, within(1e-6));
            assertThat(g.get("mid").doubleValue() / line - 1)
                    .as("grade %d mid %s against the line %s", k + 1, g.get("mid"), line)
                    .isCloseTo(0, within(0.01));
            assertThat(g.get("mid").doubleValue()).isEqualTo(round500(line));
        }
        // every request was priced and stored as a quote
        for (JsonNode job : s.get("jobs")) {
            assertThat(manager.get("/api/v1/pricing/quotes/"
                                    + job.get("quoteId").asText())
                            .status())
                    .isEqualTo(200);
        }
    }

    String buildSmall(String name) {
        String a = price("15-1252");
        String b = price("13-2011");
        String c = price("43-4051");
        Api.Reply built = manager.postJson("/api/v1/structures", """
                {"name": "%s", "method": "PROGRESSION", "grades": 4, "progression": 0.25,
                 "jobs": [{"quoteId": "%s"}, {"quoteId": "%s"}, {"quoteId": "%s"}]}""".formatted(name, a, b, c));
        assertThat(built.status()).as(built.text()).isEqualTo(201);
        return built.json().get("id").asText();
    }

    @Test
    void anEditMovesAJobAndAdjustsAGradeIntoTheNextVersion() {
        String id = buildSmall("Edited structure " + System.nanoTime());
        JsonNode v1 = manager.get("/api/v1/structures/" + id).json();
        JsonNode job = v1.get("jobs").get(0);
        int from = job.get("grade").asInt();
        int to = from == 1 ? 2 : from - 1;

        Api.Reply edited = manager.postJson("/api/v1/structures/" + id + "/edits", """
                {"moves": [{"quoteId": "%s", "grade": %d}],
                 "grades": [{"grade": %d, "min": 100000, "mid": 125000, "max": 150000}], "note": "market move"}""".formatted(
                        job.get("quoteId").asText(), to, to));
        assertThat(edited.status()).as(edited.text()).isEqualTo(201);
        JsonNode v2 = edited.json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("parentId").asText()).isEqualTo(id);
        assertThat(v2.get("name")).isEqualTo(v1.get("name"));
        JsonNode grade = v2.get("grades").get(to - 1);
        assertThat(grade.get("mid").decimalValue()).isEqualByComparingTo("125000");
        assertThat(grade.get("spread").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(grade.get("adjusted").asBoolean()).isTrue();
        JsonNode moved = v2.get("jobs").get(0);
        assertThat(moved.get("grade").asInt()).isEqualTo(to);
        assertThat(moved.get("moved").asBoolean()).isTrue();
        assertThat(moved.get("gradeMid").decimalValue()).isEqualByComparingTo("125000");
        assertThat(moved.get("deviation").doubleValue())
                .isCloseTo(moved.get("marketReferencePoint").doubleValue() / 125000 - 1, within(1e-6));
        // v1 is unchanged
        assertThat(manager.get("/api/v1/structures/" + id)
                        .json()
                        .get("jobs")
                        .get(0)
                        .get("grade")
                        .asInt())
                .isEqualTo(from);
        assertThat(TestUsers.admin(app())
                        .get("/api/v1/audit?action=structure.edit&limit=5")
                        .text())
                .contains("structure:" + v2.get("id").asText(), "v1 -> v2", "grade " + to);
    }

    @Test
    void publishingAVersionRetiresThePublishedOne() {
        String name = "Published structure " + System.nanoTime();
        String v1 = buildSmall(name);
        Api.Reply p1 = manager.post("/api/v1/structures/" + v1 + "/publish", null, "");
        assertThat(p1.status()).as(p1.text()).isEqualTo(200);
        assertThat(p1.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(p1.json().get("publishedBy").asText()).isEqualTo("hr-manager-user");

        Api.Reply again = manager.post("/api/v1/structures/" + v1 + "/publish", null, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("ALREADY_PUBLISHED");

        String v2 = manager.postJson("/api/v1/structures/" + v1 + "/edits", """
                        {"grades": [{"grade": 1, "min": 40000, "mid": 48000, "max": 56000}]}""")
                .json()
                .get("id")
                .asText();
        assertThat(manager.post("/api/v1/structures/" + v2 + "/publish", null, "")
                        .status())
                .isEqualTo(200);
        assertThat(manager.get("/api/v1/structures/" + v1).json().get("status").asText())
                .isEqualTo("RETIRED");
        assertThat(manager.get("/api/v1/structures/" + v2).json().get("status").asText())
                .isEqualTo("PUBLISHED");
        assertThat(TestUsers.admin(app())
                        .get("/api/v1/audit?action=structure.publish&limit=5")
                        .text())
                .contains("v2 published, v1 retired");
        // the list shows both versions of the name
        JsonNode list = viewer.get("/api/v1/structures?limit=500").json();
        assertThat(list.get("items").findValuesAsText("id")).contains(v1, v2);
    }

    @Test
    void theComparisonTableSetsEachGradeAgainstItsJobsMarketFigures() {
        String id = buildSmall("Compared structure " + System.nanoTime());
        JsonNode s = viewer.get("/api/v1/structures/" + id).json();
        Api.Reply compared = viewer.get("/api/v1/structures/" + id + "/compare");
        assertThat(compared.status()).isEqualTo(200);
        JsonNode c = compared.json();
        assertThat(c.get("grades")).hasSize(4);
        int jobs = 0;
        for (JsonNode g : c.get("grades")) {
            List<Double> in = new ArrayList<>();
            for (JsonNode j : s.get("jobs")) {
                if (j.get("grade").asInt() == g.get("grade").asInt()) {
                    in.add(j.get("marketReferencePoint").doubleValue());
                }
            }
            assertThat(g.get("jobs").asInt()).isEqualTo(in.size());
            jobs += in.size();
            if (in.isEmpty()) {
                assertThat(g.get("marketMean").isNull()).isTrue();
                continue;
            }
            double mean = in.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(g.get("marketMean").doubleValue()).isCloseTo(mean, within(0.01));
            assertThat(g.get("midToMarket").doubleValue())
                    .isCloseTo(g.get("mid").doubleValue() / mean - 1, within(1e-5));
        }
        assertThat(jobs).isEqualTo(3);
        assertThat(c.at("/summary/jobs").asInt()).isEqualTo(3);
        assertThat(c.get("jobs")).isEqualTo(s.get("jobs"));
    }

    @Test
    void csvAndXlsxExportsCarryTheStructuresFigures() throws Exception {
        String id = buildSmall("Exported, \\\"quoted\\\" =structure " + System.nanoTime());
        JsonNode s = viewer.get("/api/v1/structures/" + id).json();

        Api.Reply csv = viewer.get("/api/v1/structures/" + id + "/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).startsWith("structure,version,status,currency,grade,min,mid,max,spread");
        assertThat(lines).hasSize(5);
        for (int k = 0; k < 4; k++) {
            JsonNode g = s.get("grades").get(k);
            assertThat(lines[k + 1])
                    .startsWith("\"Exported, \"\"quoted\"\" =structure")
                    .contains(",1,DRAFT,USD," + (k + 1) + ","
                            + g.get("min").decimalValue().setScale(2).toPlainString() + ","
                            + g.get("mid").decimalValue().setScale(2).toPlainString() + ","
                            + g.get("max").decimalValue().setScale(2).toPlainString() + ",");
        }
        Api.Reply jobsCsv = viewer.get("/api/v1/structures/" + id + "/export?part=jobs");
        assertThat(jobsCsv.text().split("\r\n")).hasSize(4);
        assertThat(jobsCsv.text()).contains(s.get("jobs").get(0).get("quoteId").asText());

        byte[] xlsx = bytes("/api/v1/structures/" + id + "/export?format=xlsx");
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet grades = book.getSheet("Grades");
            Sheet jobs = book.getSheet("Jobs");
            assertThat(grades.getLastRowNum()).isEqualTo(4);
            assertThat(jobs.getLastRowNum()).isEqualTo(3);
            for (int k = 0; k < 4; k++) {
                JsonNode g = s.get("grades").get(k);
                assertThat(grades.getRow(k + 1).getCell(4).getNumericCellValue())
                        .isEqualTo(k + 1);
                assertThat(grades.getRow(k + 1).getCell(5).getNumericCellValue())
                        .isEqualTo(g.get("min").doubleValue());
                assertThat(grades.getRow(k + 1).getCell(6).getNumericCellValue())
                        .isEqualTo(g.get("mid").doubleValue());
                assertThat(grades.getRow(k + 1).getCell(7).getNumericCellValue())
                        .isEqualTo(g.get("max").doubleValue());
            }
            assertThat(jobs.getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo(s.get("jobs").get(0).get("quoteId").asText());
        }
        Api.Reply bad = viewer.get("/api/v1/structures/" + id + "/export?format=pdf");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/details/0/field").asText()).isEqualTo("format");
    }

    byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app().getLocalPort() + path))
                                .header("Authorization", "Bearer " + viewer.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return r.body();
    }

    @Test
    void aPostingRangeForAPublishedGradeIsStoredWithItsCriteriaAndReadBack() {
        String id = buildSmall("Posted structure " + System.nanoTime());
        assertThat(manager.post("/api/v1/structures/" + id + "/publish", null, "")
                        .status())
                .isEqualTo(200);
        JsonNode grade = manager.get("/api/v1/structures/" + id).json().at("/grades/1");
        Api.Reply r = TestUsers.as(app(), Role.HR_ANALYST).postJson("/api/v1/postings/ranges", """
                {"structureId": "%s", "grade": 2, "period": "HOURLY",
                 "locations": [{"country": "US", "region": "CA", "city": "Los Angeles"}]}""".formatted(id));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        double min = grade.get("min").doubleValue();
        double max = grade.get("max").doubleValue();
        double postedMin = round500(min + 0.3 * (max - min)) / 2080;
        double postedMax = round500(min + 0.7 * (max - min)) / 2080;
        JsonNode range = r.json().at("/ranges/0");
        assertThat(range.get("jurisdiction").asText()).isEqualTo("CA");
        assertThat(range.get("min").doubleValue()).isCloseTo(postedMin, within(0.005));
        assertThat(range.get("max").doubleValue()).isCloseTo(postedMax, within(0.005));
        JsonNode stored = viewer.get(
                        "/api/v1/postings/ranges/" + r.json().get("postingId").asText())
                .json();
        assertThat(stored.get("ranges")).isEqualTo(r.json().get("ranges"));
        assertThat(stored.at("/ranges/0/criteria/structureVersion").asInt()).isEqualTo(1);
        // the benchmark jobs behind the grade: the quotes slotted in it
        int inGrade = 0;
        for (JsonNode j : manager.get("/api/v1/structures/" + id).json().get("jobs")) {
            inGrade += j.get("grade").asInt() == 2 ? 1 : 0;
        }
        assertThat(stored.at("/ranges/0/criteria/sources")).hasSize(inGrade);
        assertThat(stored.at("/ranges/0/criteria/grade").asInt()).isEqualTo(2);
        assertThat(stored.at("/ranges/0/sentence").asText())
                .startsWith("The pay range for this role in California is $");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        String quote = price("15-1252");
        assertRefused("""
                {"name": "x", "method": "REGRESSION", "grades": 3, "jobs": [{"quoteId": "%s"}]}""".formatted(quote), 400, "jobs[0].score");
        assertRefused("""
                {"name": "x", "method": "PROGRESSION", "grades": 3, "jobs": [{"quoteId": "%s"}]}""".formatted(quote), 400, "progression");
        assertRefused("""
                {"name": "x", "method": "PROGRESSION", "grades": 3, "progression": 0.1,
                 "jobs": [{"quoteId": "no-such-quote"}]}""", 400, "jobs[0].quoteId");
        assertRefused("""
                {"name": "x", "method": "PROGRESSION", "grades": 0, "progression": 0.1, "jobs": [{"quoteId": "%s"}]}""".formatted(quote), 400, "grades");
        assertRefused("""
                {"name": "x", "method": "PROGRESSION", "grades": 31, "progression": 0.1, "jobs": [{"quoteId": "%s"}]}""".formatted(quote), 400, "grades");
        assertRefused("""
                {"name": "x", "method": "PROGRESSION", "grades": 2, "progression": 0.1,
                 "jobs": [{"quoteId": "%s"}, {"quoteId": "%s"}]}""".formatted(quote, quote), 400, "jobs[1].quoteId");
        assertRefused("""
                {"name": "x", "method": "PROGRESSION", "grades": 2, "progression": 0.1, "currency": "EUR",
                 "jobs": [{"quoteId": "%s"}]}""".formatted(quote), 400, "jobs[0]");
        assertRefused("""
                {"name": "x", "method": "PROGRESSION", "grades": 2, "progression": 0.1,
                 "jobs": [{"request": {"title": "x", "occupationCode": "15-1252", "level": "IC99", "country": "US"}}]}""", 400, "jobs[0].request");
        assertRefused("""
                {"name": "x", "method": "SIDEWAYS", "grades": 2, "jobs": []}""", 400, null);
        assertRefused("{\"name\": ", 400, null);

        String id = buildSmall("Refusals " + System.nanoTime());
        Api.Reply minAboveMax = manager.postJson("/api/v1/structures/" + id + "/edits", """
                {"grades": [{"grade": 1, "min": 90000, "mid": 80000, "max": 100000}]}""");
        assertThat(minAboveMax.status()).isEqualTo(400);
        assertThat(minAboveMax.json().at("/details/0/field").asText()).isEqualTo("grades[0]");
        Api.Reply noJob = manager.postJson("/api/v1/structures/" + id + "/edits", """
                {"moves": [{"quoteId": "nobody", "grade": 1}]}""");
        assertThat(noJob.status()).isEqualTo(400);
        assertThat(noJob.json().at("/details/0/field").asText()).isEqualTo("moves[0].quoteId");
        Api.Reply empty = manager.postJson("/api/v1/structures/" + id + "/edits", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(manager.get("/api/v1/structures/no-such-structure").status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/structures?limit=0")
                        .json()
                        .at("/details/0/field")
                        .asText())
                .isEqualTo("limit");

        // a viewer reads but does not build, edit or publish
        assertThat(viewer.postJson("/api/v1/structures", "{}").status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/structures/" + id + "/publish", null, "")
                        .status())
                .isEqualTo(403);
        assertThat(TestUsers.as(app(), Role.HR_ANALYST)
                        .post("/api/v1/structures/" + id + "/publish", null, "")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.get("/api/v1/structures/" + id).status()).isEqualTo(200);
    }

    void assertRefused(String body, int status, String field) {
        Api.Reply r = manager.postJson("/api/v1/structures", body);
        assertThat(r.status()).as(body + " -> " + r.text()).isEqualTo(status);
        assertThat(r.json().get("details")).as(r.text()).isNotEmpty();
        if (field != null) {
            assertThat(r.json().get("details").findValuesAsText("field"))
                    .as(r.text())
                    .contains(field);
        }
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
