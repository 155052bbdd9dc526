package org.jobpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ServerProcess;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code price} command prices as the server does: it loads the plugins (so a title without a code is
 * matched by the enricher) and takes the configured AI settings, on the server's database.
 */
class PriceCommandTest {

    static TestDatabases.Db db;
    /** A title the enricher matches below full confidence, and that confidence, as the server reports it. */
    static String title;

    static double confidence;

    @BeforeAll
    static void aServerLoadedTheBundledMarketData() throws Throwable {
        db = TestDatabases.h2();
        // the server's first start loads the bundled BLS data; the command then prices on that database
        DropwizardAppExtension<JobPricingConfiguration> server = TestApps.app(db);
        server.before();
        try {
            Api analyst = TestUsers.as(server, Role.HR_ANALYST);
            for (String candidate :
                    List.of("Sr. Software Developer II", "Software Dev", "Develper of software", "Backend Engineer")) {
                JsonNode best = analyst.postJson(
                                "/api/v1/ai/occupation-matches", "{\"title\": \"" + candidate + "\", \"limit\": 1}")
                        .json()
                        .at("/matches/0");
                if (best.path("score").asDouble(1) < 0.98) {
                    title = candidate;
                    confidence = best.get("score").asDouble();
                    break;
                }
            }
            assertThat(title).as("a title matched below full confidence").isNotNull();
        } finally {
            server.after();
        }
    }

    @Test
    void aTitleWithoutACodeIsMatchedWithTheConfiguredConfidenceThreshold() throws Exception {
        List<String> strict = price("ai.minConfidence", String.format(Locale.ROOT, "%.2f", confidence + 0.015));
        String developer = strict.get(1);
        assertThat(cell(developer, 1)).as(developer).isEqualTo("OK");
        assertThat(cell(developer, 3)).as("occupation the enricher matched").matches("\\d{2}-\\d{4}");
        assertThat(developer)
                .as("the warning names the configured threshold")
                .contains("was inferred with low confidence")
                .contains(String.format(Locale.ROOT, "< %.2f)", confidence + 0.015));

        String xyzzy = strict.get(2);
        assertThat(cell(xyzzy, 1)).isEqualTo("ERROR");
        assertThat(xyzzy).contains("OCCUPATION_NOT_RESOLVED").contains("no occupation matches the title");
        assertThat(xyzzy).doesNotContain("no occupation enricher is installed");

        List<String> lenient = price("ai.minConfidence", String.format(Locale.ROOT, "%.2f", confidence - 0.015));
        assertThat(cell(lenient.get(1), 1)).isEqualTo("OK");
        assertThat(lenient.get(1))
                .as("a match above the threshold carries no warning")
                .doesNotContain("low confidence");
        assertThat(cell(lenient.get(1), 16))
                .as("same figures whatever the threshold")
                .isEqualTo(cell(developer, 16));
    }

    private static List<String> price(String... settings) throws Exception {
        Path dir = Files.createTempDirectory("jobpricing-price-command");
        Files.writeString(dir.resolve("jobs.csv"), """
                title,occupation_code,level,country,area,currency,as_of,skills
                %s,,IC3,US,,USD,2026-05-01,
                Xyzzy,,IC3,US,,USD,2026-05-01,
                """.formatted(title));
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
        assertThat(price.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("price.log"));
        assertThat(price.exitValue()).as(log).isZero();
        assertThat(log).contains("2 rows: 1 priced, 1 failed");
        return Files.readAllLines(dir.resolve("quotes.csv"));
    }

    /** The {@code index}-th cell of a CSV row whose cells before {@code index} hold no comma. */
    private static String cell(String row, int index) {
        return row.split(",", -1)[index];
    }
}
