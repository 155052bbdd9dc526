package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.rules.RuleSetLoader;
import org.jobpricing.server.rules.RuleSource;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer means the write is durable: the server (a separate JVM) is killed with SIGKILL right after it
 * acknowledged a quote, an import, a published rule version and part of a batch, and after each restart
 * every acknowledged write is there, on H2 (the default, embedded) and on PostgreSQL; so is every quote the
 * {@code price} command had written to its output when it was killed.
 */
class CrashDurabilityTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JOB = """
            {"title": "Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "asOf": "2026-07-01"}""";
    static final int IMPORTED_ROWS = 2000;
    static final int BATCH_ROWS = 20_000;
    /** Two storage chunks of the batch: the kill comes while later chunks are being priced and stored. */
    static final int BATCH_LINES_READ = 1000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void everyAcknowledgedWriteSurvivesAKillRightAfterItsAnswer(String database) throws Exception {
        TestDatabases.Db db = database.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        Path rules = copyOfTheRules();
        String[] settings = {"plugins.refreshOnStartup", "false", "rules.directory", rules.toString()};

        // 1. an import, then a quote priced on it; killed right after the quote's answer
        String importCsv = importCsv();
        JsonNode quote;
        try (ServerProcess server = ServerProcess.start(db, settings)) {
            Api admin = admin(server);
            Api.Reply imported = admin.post("/api/v1/market-data/observations", "text/csv", importCsv);
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
            assertThat(imported.json().get("imported").asInt()).isEqualTo(IMPORTED_ROWS + fixtureRows());
            Api.Reply created = admin.postJson("/api/v1/pricing/quotes", JOB);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            quote = created.json();
            server.kill();
        }

        // 2. both are there; then a rule version created and published, killed right after the publish
        int version;
        try (ServerProcess server = ServerProcess.start(db, settings)) {
            Api admin = admin(server);
            assertQuoteStored(admin, quote);
            assertImportStored(admin);
            Map<String, String> files = rulesWithSpread(rules, "0.80");
            Api.Reply created = admin.postJson("/api/v1/rules/versions", upload(files));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            version = created.json().get("version").asInt();
            Api.Reply published =
                    admin.post("/api/v1/rules/versions/" + version + "/publish?acceptFailingScenarios=true", null, "");
            assertThat(published.status()).as(published.text()).isEqualTo(200);
            server.kill();
            // in development the rules directory wins at startup, so it holds what was published (as when
            // the edit is saved there); a lost publish or version then shows as another version made at startup
            Files.writeString(rules.resolve("spreads.drl.csv"), files.get("spreads.drl.csv"));
        }

        // 3. the version is active; then a batch killed while it streams
        List<String> streamedIds;
        try (ServerProcess server = ServerProcess.start(db, settings)) {
            Api admin = admin(server);
            assertVersionActive(admin, version);
            streamedIds = killMidBatch(server, admin);
        }

        // 4. the price command (a restart too), killed while it writes its output
        List<String> pricedIds = killMidPriceCommand(db, settings);

        // 5. every quote id the batch sent and the command wrote is stored
        assertThat(notStored(db, streamedIds))
                .as("batch quote ids streamed to the client but not stored, of " + streamedIds.size())
                .isEmpty();
        assertThat(notStored(db, pricedIds))
                .as("quote ids the price command wrote but did not store, of " + pricedIds.size())
                .isEmpty();
    }

    static Api admin(ServerProcess server) {
        return new Api(server.port()).login("admin", TestApps.ADMIN_PASSWORD);
    }

    static void assertQuoteStored(Api admin, JsonNode quote) {
        Api.Reply stored = admin.get("/api/v1/pricing/quotes/" + quote.get("id").asText());
        assertThat(stored.status())
                .as("the acknowledged quote " + quote.get("id").asText())
                .isEqualTo(200);
        assertThat(stored.json().get("band")).isEqualTo(quote.get("band"));
        assertThat(stored.json().get("rulesetVersion")).isEqualTo(quote.get("rulesetVersion"));
    }

    static void assertImportStored(Api admin) {
        int rows = 0;
        for (int offset = 0; offset <= IMPORTED_ROWS; offset += 1000) {
            rows += admin.get(
                            "/api/v1/market-data/observations?occupationCode=crash-import&limit=1000&offset=" + offset)
                    .json()
                    .size();
        }
        assertThat(rows).as("rows of the acknowledged import").isEqualTo(IMPORTED_ROWS);
        assertThat(admin.get("/api/v1/market-data/observations?occupationCode=15-1252")
                        .json())
                .hasSize(fixtureRows());
    }

    static void assertVersionActive(Api admin, int version) {
        Api.Reply stored = admin.get("/api/v1/rules/versions/v" + version);
        assertThat(stored.status()).as("the acknowledged version v" + version).isEqualTo(200);
        assertThat(stored.json().get("message").asText()).isEqualTo("crash test: wider IC3 band");
        assertThat(stored.json().get("active").asBoolean())
                .as("v" + version + " is active")
                .isTrue();
        assertThat(stored.json().get("files").get("spreads.drl.csv").asText()).contains("IC3,0.80");
        Api.Reply quote = admin.postJson("/api/v1/pricing/quotes", JOB);
        assertThat(quote.json().get("rulesetVersion").asText()).isEqualTo("v" + version);
    }

    /** Sends a large batch, reads {@link #BATCH_LINES_READ} result lines, kills the server; the ids read. */
    static List<String> killMidBatch(ServerProcess server, Api admin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/pricing/batch"))
                .header("Authorization", "Bearer " + admin.token())
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(batchCsv(), StandardCharsets.UTF_8))
                .build();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            while (ids.size() < BATCH_LINES_READ) {
                String line = lines.readLine();
                assertThat(line)
                        .as("the batch ended before " + BATCH_LINES_READ + " lines")
                        .isNotNull();
                JsonNode result = JSON.readTree(line);
                assertThat(result.get("status").asText()).as(line).isEqualTo("OK");
                ids.add(result.at("/quote/id").asText());
            }
            server.kill();
        } catch (IOException e) {
            // the connection dies with the server
        }
        assertThat(ids).hasSize(BATCH_LINES_READ);
        return ids;
    }

    /** Runs {@code price} on a large CSV, kills it once its output has {@link #BATCH_LINES_READ} rows; their ids. */
    static List<String> killMidPriceCommand(TestDatabases.Db db, String... settings) throws Exception {
        Path dir = Files.createTempDirectory("jobpricing-crash-price");
        Files.writeString(dir.resolve("jobs.csv"), batchCsv());
        Path partial = dir.resolve("quotes.csv.partial");
        Process price = ServerProcess.command(
                db,
                dir.resolve("price.log"),
                "price",
                List.of(
                        "--input",
                        dir.resolve("jobs.csv").toString(),
                        "--output",
                        dir.resolve("quotes.csv").toString()),
                settings);
        List<String> ids = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        try {
            while (ids.size() < BATCH_LINES_READ
                    && price.isAlive()
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
                ids = Files.exists(partial) ? completeRowIds(Files.readString(partial)) : List.of();
            }
        } finally {
            price.destroyForcibly().waitFor();
        }
        assertThat(ids)
                .as("quotes written before the kill; the log: " + Files.readString(dir.resolve("price.log")))
                .hasSizeGreaterThanOrEqualTo(BATCH_LINES_READ);
        return ids;
    }

    /** The quote ids of the complete rows (ending in a newline) of the price command's CSV output. */
    static List<String> completeRowIds(String csv) {
        String complete = csv.substring(0, csv.lastIndexOf('\n') + 1);
        return complete.lines()
                .skip(1)
                .map(row -> {
                    String[] cells = row.split(",");
                    assertThat(cells[1]).as(row).isEqualTo("OK");
                    return cells[2];
                })
                .toList();
    }

    static List<String> notStored(TestDatabases.Db db, List<String> ids) throws Exception {
        List<String> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement select = c.prepareStatement("SELECT id FROM quote WHERE id = ?")) {
            for (String id : ids) {
                select.setString(1, id);
                try (ResultSet found = select.executeQuery()) {
                    if (!found.next()) {
                        missing.add(id);
                    }
                }
            }
        }
        return missing;
    }

    static String batchCsv() {
        StringBuilder csv = new StringBuilder("title,occupation_code,level,country,area,currency,as_of,skills\n");
        for (int i = 0; i < BATCH_ROWS; i++) {
            csv.append("Engineer ")
                    .append(i)
                    .append(",15-1252,IC")
                    .append(1 + i % 6)
                    .append(",US,,,2026-07-01,\n");
        }
        return csv.toString();
    }

    /** The fixture's observations and {@link #IMPORTED_ROWS} rows of one occupation, one per effective date. */
    static String importCsv() {
        StringBuilder csv = new StringBuilder(Api.fixture("example1-observations.csv"));
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < IMPORTED_ROWS; i++) {
            csv.append("crash-survey,SURVEY,crash-import,IC3,US,,USD,ANNUAL,")
                    .append(first.plusDays(i))
                    .append(",,,")
                    .append(100_000 + i)
                    .append(",,,50,10\n");
        }
        return csv.toString();
    }

    static int fixtureRows() {
        return (int) Api.fixture("example1-observations.csv")
                .lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .count();
    }

    /** The rule files the server reads from the repository's rules folder, in a folder of their own. */
    static Path copyOfTheRules() throws IOException {
        Path target = Files.createTempDirectory("jobpricing-crash-rules");
        for (RuleSource s : RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()))) {
            Path copy = target.resolve(s.name());
            Files.createDirectories(copy.getParent());
            Files.write(copy, s.content());
        }
        return target;
    }

    /** Every rule file of {@code rules} with the IC3 spread set to {@code value}. */
    static Map<String, String> rulesWithSpread(Path rules, String value) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (RuleSource s : RuleSetLoader.fromDirectory(rules)) {
            files.put(s.name(), s.storedText());
        }
        files.put("spreads.drl.csv", files.get("spreads.drl.csv").replace("IC3,0.50", "IC3," + value));
        return files;
    }

    static String upload(Map<String, String> files) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("message", "crash test: wider IC3 band");
        body.set("files", JSON.valueToTree(files));
        return JSON.writeValueAsString(body);
    }
}
