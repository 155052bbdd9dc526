package org.jobpricing.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Quotes say when a source they used holds data loaded longer ago than the limit, and still price. */
@ExtendWith(DropwizardExtensionsSupport.class)
class StaleDataTest {

    static final TestDatabases.Db DB = TestDatabases.h2();
    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.app(DB, "plugins.refreshOnStartup", "false", "plugins.staleAfter", "30 days");

    static final String CSV = """
            source_id,source_type,occupation_code,level,country,area,currency,period,effective_date,p10,p25,p50,p75,p90,sample_size,org_count
            fresh-survey,SURVEY,%1$s,IC3,US,,USD,ANNUAL,2026-01-01,,,100000,,,60,12
            old-survey,SURVEY,%1$s,IC3,US,,USD,ANNUAL,2026-01-01,,,104000,,,60,12
            """;

    static JsonNode quote(Api api, String occupation) {
        Api.Reply reply = api.postJson("/api/v1/pricing/quotes", """
                {"title": "Analyst", "occupationCode": "%s", "level": "IC3", "country": "US", "asOf": "2026-05-01"}""".formatted(occupation));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void aSourceLoadedLongerAgoThanTheLimitIsNamedInTheQuotesWarnings() throws Exception {
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        assertThat(manager.post("/api/v1/market-data/observations", "text/csv", CSV.formatted("47-2111"))
                        .status())
                .isEqualTo(200);
        assertThat(manager.post("/api/v1/market-data/observations", "text/csv", CSV.formatted("47-2061"))
                        .status())
                .isEqualTo(200);
        try (Connection c = DriverManager.getConnection(DB.url(), DB.user(), DB.password());
                PreparedStatement s = c.prepareStatement(
                        "UPDATE market_observation SET loaded_at = ? WHERE source_id = 'old-survey' AND occupation_code = '47-2111'")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(45))));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        JsonNode stale = quote(manager, "47-2111");
        JsonNode fresh = quote(manager, "47-2061");

        assertThat(stale.get("warnings"))
                .extracting(JsonNode::asText)
                .filteredOn(w -> w.startsWith("market data"))
                .singleElement()
                .asString()
                .startsWith("market data of source old-survey was loaded 45 days ago")
                .endsWith("past the 30-day limit; refresh the source");
        assertThat(fresh.get("warnings")).extracting(JsonNode::asText).noneMatch(w -> w.startsWith("market data"));
        assertThat(stale.at("/band/mid").decimalValue())
                .isEqualByComparingTo(fresh.at("/band/mid").decimalValue());
    }
}
