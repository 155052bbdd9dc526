package org.jobpricing.server.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two servers on one PostgreSQL database: publishes on one while four clients price on both. No request
 * fails, every quote matches exactly the version it names, and the second server follows.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HotSwapTest {

    static final TestDatabases.Db DB = TestDatabases.postgres();
    static final DropwizardAppExtension<JobPricingConfiguration> A =
            TestApps.app(DB, "plugins.refreshOnStartup", "false", "rules.pollInterval", "200ms");
    static final DropwizardAppExtension<JobPricingConfiguration> B =
            TestApps.app(DB, "plugins.refreshOnStartup", "false", "rules.pollInterval", "200ms");
    static final String JOB = """
            {"title": "Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "asOf": "2026-07-01"}""";

    /** Band min/max expected under the default IC3 spread (0.5) and the edited one (0.8). */
    static final Map<Integer, List<Integer>> DEFAULT = Map.of(0, List.of(106500, 160000));

    static final List<Integer> WIDER = List.of(95500, 171500);

    @Test
    void twentyPublishesUnderLoadFailNoRequestAndEveryQuoteMatchesItsVersion() throws Exception {
        Api managerA = TestUsers.as(A, Role.HR_MANAGER);
        Api analystB = TestUsers.as(B, Role.HR_ANALYST);
        managerA.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example1-observations.csv"));
        Map<String, String> files = RuleSetLifecycleTest.withSpread("0.80");
        int wider = managerA.postJson("/api/v1/rules/versions", RuleSetLifecycleTest.upload("wider", files))
                .json()
                .get("version")
                .asInt();

        AtomicBoolean publishing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<JsonNode> quotes = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            Api api = c % 2 == 0 ? TestUsers.as(A, Role.HR_ANALYST) : analystB;
            clients.submit(() -> {
                for (int i = 0; i < 2000 && publishing.get(); i++) {
                    Api.Reply reply = api.postJson("/api/v1/pricing/quotes", JOB);
                    if (reply.status() != 201) {
                        failures.add(reply.status() + " " + reply.text());
                    } else {
                        quotes.add(reply.json());
                    }
                }
            });
        }
        for (int i = 0; i < 20; i++) {
            int version = i % 2 == 0 ? wider : 1;
            Api.Reply published = managerA.post(
                    "/api/v1/rules/versions/" + version + "/publish?acceptFailingScenarios=true", null, "");
            if (published.status() != 200) {
                failures.add("publish " + version + ": " + published.text());
            }
            Thread.sleep(150);
        }
        publishing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(quotes).hasSizeGreaterThan(40);
        for (JsonNode q : quotes) {
            List<Integer> band = List.of(
                    q.get("band").get("min").asInt(), q.get("band").get("max").asInt());
            String version = q.get("rulesetVersion").asText();
            assertThat(band).as(version).isEqualTo(version.equals("v1") ? DEFAULT.get(0) : WIDER);
            assertThat(version).isIn("v1", "v" + wider);
        }
        assertThat(quotes).extracting(q -> q.get("rulesetVersion").asText()).contains("v1", "v" + wider);
    }

    @Test
    void aPublishOnOneServerReachesTheOtherWithinSeconds() throws Exception {
        Api managerA = TestUsers.as(A, Role.HR_MANAGER);
        Api analystB = TestUsers.as(B, Role.HR_ANALYST);
        managerA.post("/api/v1/market-data/observations", "text/csv", Api.fixture("example1-observations.csv"));
        int version = managerA.postJson(
                        "/api/v1/rules/versions",
                        RuleSetLifecycleTest.upload("follow me", RuleSetLifecycleTest.withSpread("0.65")))
                .json()
                .get("version")
                .asInt();

        assertThat(managerA.post("/api/v1/rules/versions/" + version + "/publish?acceptFailingScenarios=true", null, "")
                        .status())
                .isEqualTo(200);

        String seen = "";
        for (int i = 0; i < 100 && !seen.equals("v" + version); i++) {
            Thread.sleep(100);
            seen = analystB.postJson("/api/v1/pricing/quotes", JOB)
                    .json()
                    .get("rulesetVersion")
                    .asText();
        }
        assertThat(seen).as("server B follows within 10 s").isEqualTo("v" + version);
        managerA.post("/api/v1/rules/versions/1/rollback", null, "");
    }

    @Test
    void anImportOnOneServerReachesTheOtherServersCacheWithinSeconds() throws Exception {
        Api managerA = TestUsers.as(A, Role.HR_MANAGER);
        Api analystB = TestUsers.as(B, Role.HR_ANALYST);
        String header = "source_id,source_type,occupation_code,level,country,area,currency,period,effective_date,"
                + "p10,p25,p50,p75,p90,sample_size,org_count\n";
        String job = "{\"title\": \"Cache\", \"occupationCode\": \"77-7777\", \"level\": \"IC3\", \"country\": \"US\", "
                + "\"asOf\": \"2026-07-01\"}";
        managerA.post(
                "/api/v1/market-data/observations",
                "text/csv",
                header + "cache-src,SURVEY,77-7777,IC3,US,,USD,ANNUAL,2026-07-01,,,100000,,,50,10\n");
        assertThat(analystB.postJson("/api/v1/pricing/quotes", job)
                        .json()
                        .at("/market/p50")
                        .asInt())
                .isEqualTo(100000);

        managerA.post(
                "/api/v1/market-data/observations",
                "text/csv",
                header + "cache-src,SURVEY,77-7777,IC3,US,,USD,ANNUAL,2026-07-01,,,120000,,,50,10\n");

        int seen = 0;
        for (int i = 0; i < 100 && seen != 120000; i++) {
            Thread.sleep(100);
            seen = analystB.postJson("/api/v1/pricing/quotes", job)
                    .json()
                    .at("/market/p50")
                    .asInt();
        }
        assertThat(seen).as("server B drops its cached market data within 10 s").isEqualTo(120000);
    }
}
