package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GET /api/v1/pricing/quotes lists stored quotes newest first with their author, filtered and paged;
 * bad filters are 400s naming the parameter. Runs on H2 and on PostgreSQL (the bundled BLS data prices).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuoteListContract {

    abstract DropwizardAppExtension<JobPricingConfiguration> app();

    static final String ANALYST = "hr-analyst-user";
    static final String MANAGER = "hr-manager-user";
    final List<String> priced = new ArrayList<>();
    Api viewer;

    String price(Api api, String occupation, String level, String title) {
        Api.Reply reply = api.postJson("/api/v1/pricing/quotes", """
                {"title": "%s", "occupationCode": "%s", "level": "%s", "country": "US", "asOf": "2026-05-01"}""".formatted(title, occupation, level));
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    @BeforeAll
    void priceSomeQuotes() {
        Api analyst = TestUsers.as(app(), Role.HR_ANALYST);
        Api manager = TestUsers.as(app(), Role.HR_MANAGER);
        viewer = TestUsers.as(app(), Role.VIEWER);
        priced.add(price(analyst, "15-1252", "IC3", "Software Developer"));
        priced.add(price(analyst, "15-1252", "M2", "Engineering Manager"));
        priced.add(price(manager, "13-1071", "IC2", "HR Specialist"));
        Api.Reply batch = analyst.post(
                "/api/v1/pricing/batch",
                "text/csv",
                "title,occupation_code,level,country,area,currency,as_of,skills\n"
                        + "Data Analyst,15-1211,IC3,US,,,2026-05-01,\n"
                        + "Broken,15-1252,IC9,US,,,2026-05-01,\n");
        assertThat(batch.status()).as(batch.text()).isEqualTo(200);
        try {
            priced.add(new ObjectMapper()
                    .readTree(batch.text().lines().findFirst().orElseThrow())
                    .at("/quote/id")
                    .asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<String> newestFirst() {
        List<String> ids = new ArrayList<>(priced);
        java.util.Collections.reverse(ids);
        return ids;
    }

    JsonNode list(String query) {
        Api.Reply reply = viewer.get("/api/v1/pricing/quotes" + query);
        assertThat(reply.status()).as(query + ": " + reply.text()).isEqualTo(200);
        return reply.json();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void aViewerSeesEveryStoredQuoteNewestFirstWithItsAuthorAndSummary() {
        JsonNode page = list("");

        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(ids(page)).containsExactlyElementsOf(newestFirst());
        JsonNode item = page.get("items").get(3);
        JsonNode stored =
                viewer.get("/api/v1/pricing/quotes/" + item.get("id").asText()).json();
        assertThat(item.get("author").asText()).isEqualTo(ANALYST);
        assertThat(item.get("title").asText()).isEqualTo("Software Developer");
        assertThat(item.get("occupationCode").asText()).isEqualTo("15-1252");
        assertThat(item.get("level").asText()).isEqualTo("IC3");
        assertThat(item.get("country").asText()).isEqualTo("US");
        assertThat(item.get("currency").asText()).isEqualTo("USD");
        assertThat(item.get("area").isNull()).isTrue();
        assertThat(item.get("createdAt").asText())
                .isEqualTo(stored.get("createdAt").asText());
        assertThat(item.get("rulesetVersion").asText())
                .isEqualTo(stored.get("rulesetVersion").asText());
        assertThat(item.get("band").get("min").decimalValue())
                .isEqualByComparingTo(stored.at("/band/min").decimalValue());
        assertThat(item.get("band").get("mid").decimalValue())
                .isEqualByComparingTo(stored.at("/band/mid").decimalValue());
        assertThat(item.get("band").get("max").decimalValue())
                .isEqualByComparingTo(stored.at("/band/max").decimalValue());
        assertThat(item.get("p50").decimalValue())
                .isEqualByComparingTo(stored.at("/market/p50").decimalValue());
        assertThat(item.get("confidenceScore").asInt())
                .isEqualTo(stored.at("/confidence/score").asInt());
        assertThat(page.get("items").get(0).get("author").asText())
                .as("batch quotes too")
                .isEqualTo(ANALYST);
        assertThat(page.get("items").get(0).get("title").asText()).isEqualTo("Data Analyst");
    }

    @Test
    void filtersNarrowTheListAndTheTotal() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String version = list("").get("items").get(0).get("rulesetVersion").asText();

        assertThat(ids(list("?author=" + MANAGER))).containsExactly(priced.get(2));
        assertThat(ids(list("?occupationCode=15-1252"))).containsExactly(priced.get(1), priced.get(0));
        assertThat(ids(list("?occupationCode=15-1252&level=m2"))).containsExactly(priced.get(1));
        assertThat(list("?country=us").get("total").asLong()).isEqualTo(4);
        assertThat(list("?country=GB").get("total").asLong()).isZero();
        assertThat(list("?rulesetVersion=" + version).get("total").asLong()).isEqualTo(4);
        assertThat(list("?rulesetVersion=no-such-version").get("total").asLong())
                .isZero();
        assertThat(list("?from=" + today + "&to=" + today).get("total").asLong())
                .as("both days included")
                .isEqualTo(4);
        assertThat(list("?to=" + yesterday).get("total").asLong()).isZero();
        assertThat(list("?from=" + LocalDate.now(ZoneOffset.UTC).plusDays(1))
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(list("?author=" + ANALYST + "&occupationCode=15-1211")
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void pagesAreSlicesOfTheWholeList() {
        JsonNode page = list("?limit=2&offset=1");

        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(ids(page)).containsExactlyElementsOf(newestFirst().subList(1, 3));
        assertThat(ids(list("?limit=500&offset=4"))).isEmpty();
    }

    @Test
    void aQuoteStoredBeforeAuthorsWereKeptIsListedWithoutOne() throws Exception {
        var db = app().getConfiguration().getDatabase();
        try (Connection c = DriverManager.getConnection(db.getUrl(), db.getUser(), db.getPassword());
                PreparedStatement copy =
                        c.prepareStatement("INSERT INTO quote (id, created_at, occupation_code, level, "
                                + "country, ruleset_version, request_json, response_json) SELECT 'old-quote', created_at, "
                                + "occupation_code, level, country, ruleset_version, request_json, response_json FROM quote "
                                + "WHERE id = ?")) {
            copy.setString(1, priced.get(0));
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }
        try {
            JsonNode old = list("?occupationCode=15-1252&level=IC3");
            assertThat(old.get("total").asLong()).isEqualTo(2);
            JsonNode item = ids(old).get(0).equals("old-quote")
                    ? old.get("items").get(0)
                    : old.get("items").get(1);
            assertThat(item.get("id").asText()).isEqualTo("old-quote");
            assertThat(item.get("author").isNull()).isTrue();
            assertThat(item.get("title").asText()).isEqualTo("Software Developer");
        } finally {
            try (Connection c = DriverManager.getConnection(db.getUrl(), db.getUser(), db.getPassword())) {
                c.createStatement().executeUpdate("DELETE FROM quote WHERE id = 'old-quote'");
            }
        }
    }

    @Test
    void badFiltersAre400sNamingTheParameter() {
        assertBad("?limit=0", "limit");
        assertBad("?limit=501", "limit");
        assertBad("?limit=ten", "limit");
        assertBad("?offset=-1", "offset");
        assertBad("?from=2026-13-01", "from");
        assertBad("?to=yesterday", "to");
        assertBad("?from=2026-12-02&to=2026-12-01", "from");
        assertBad("?country=USA", "country");
        assertBad("?author=" + "x".repeat(101), "author");
    }

    void assertBad(String query, String field) {
        Api.Reply reply = viewer.get("/api/v1/pricing/quotes" + query);
        assertThat(reply.status()).as(query).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(reply.json().get("details").get(0).get("field").asText())
                .as(query)
                .isEqualTo(field);
        assertThat(reply.json().get("details").get(0).get("message").asText()).isNotBlank();
    }
}
