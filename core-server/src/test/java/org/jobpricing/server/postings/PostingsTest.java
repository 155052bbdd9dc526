package org.jobpricing.server.postings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Posting ranges and posting checks through HTTP on the bundled BLS data. The quote used throughout:
 * Software Developers (15-1252), IC3, US, 2026-05-01: band 112000 / 140000 / 168000; the default
 * posting width (0.30 to 0.70 of the band) gives 128800 → 129000 and 151200 → 151000.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostingsTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(TestDatabases.h2());
    static final String NYC = "{\"country\": \"US\", \"region\": \"NY\", \"city\": \"New York\"}";
    static final String DENVER = "{\"country\": \"US\", \"region\": \"CO\", \"city\": \"Denver\"}";
    static final String SEATTLE = "{\"country\": \"US\", \"region\": \"WA\", \"city\": \"Seattle\"}";
    static final String BERLIN = "{\"country\": \"DE\", \"city\": \"Berlin\"}";
    static final Map<String, String> PLACES = Map.of(
            "NYC",
            NYC,
            "DEN",
            DENVER,
            "SEA",
            SEATTLE,
            "SF",
            "{\"country\": \"US\", \"region\": \"CA\", \"city\": \"San Francisco\"}",
            "BER",
            BERLIN,
            "WAW",
            "{\"country\": \"PL\", \"region\": \"Mazowieckie\", \"city\": \"Warsaw\"}",
            "AUS",
            "{\"country\": \"US\", \"region\": \"TX\", \"city\": \"Austin\"}",
            "LON",
            "{\"country\": \"GB\", \"city\": \"London\"}");
    static final String BENEFITS = "Medical, dental and vision insurance; 401(k) with a 4% match; 20 days of PTO; "
            + "an annual bonus of up to 10%";

    Api analyst;
    Api viewer;
    LocalDate deadline;

    @BeforeEach
    void signIn() {
        analyst = TestUsers.as(APP, Role.HR_ANALYST);
        viewer = TestUsers.as(APP, Role.VIEWER);
        deadline = LocalDate.now(ZoneOffset.UTC).plusDays(30);
    }

    String quote() {
        Api.Reply q = analyst.postJson("/api/v1/pricing/quotes", """
                {"title": "Software Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US",
                 "asOf": "2026-05-01"}""");
        assertThat(q.status()).as(q.text()).isEqualTo(201);
        assertThat(q.json().at("/band/min").decimalValue()).isEqualByComparingTo("112000");
        assertThat(q.json().at("/band/max").decimalValue()).isEqualByComparingTo("168000");
        return q.json().get("id").asText();
    }

    Api.Reply ranges(String body) {
        return analyst.postJson("/api/v1/postings/ranges", body);
    }

    String apply() {
        return DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).format(deadline);
    }

    @Test
    void aNycDenverSeattlePostingGivesThreeCompliantRangesEachWithItsSentenceAndStoredRecord() {
        String quote = quote();
        Api.Reply r = ranges("""
                {"quoteId": "%s", "locations": [%s, %s, %s], "employees": 250, "benefits": "%s",
                 "applicationDeadline": "%s"}""".formatted(quote, NYC, DENVER, SEATTLE, BENEFITS, deadline));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(r.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/v1/postings/ranges/" + p.get("postingId").asText());
        assertThat(p.get("ranges").findValuesAsText("jurisdiction")).containsExactly("NYC", "CO", "WA");
        for (JsonNode range : p.get("ranges")) {
            assertThat(range.get("min").decimalValue()).isEqualByComparingTo("129000");
            assertThat(range.get("max").decimalValue()).isEqualByComparingTo("151000");
            assertThat(range.get("currency").asText()).isEqualTo("USD");
            assertThat(range.get("period").asText()).isEqualTo("ANNUAL");
            assertThat(range.get("required").asBoolean()).isTrue();
            assertThat(range.get("rulesetVersion").asText()).isEqualTo("v1");
            assertThat(range.at("/widthRule/rule").asText()).isEqualTo("Posting width_12");
            assertThat(range.at("/criteria/quoteId").asText()).isEqualTo(quote);
            assertThat(range.at("/criteria/occupationCode").asText()).isEqualTo("15-1252");
            assertThat(range.at("/criteria/sources/0").asText()).isEqualTo("bls-oews");
            assertThat(range.at("/criteria/band/mid").doubleValue()).isEqualTo(140000.0);
            assertThat(range.at("/criteria/bandLower").doubleValue()).isEqualTo(0.30);
        }
        assertThat(p.at("/ranges/0/sentence").asText())
                .isEqualTo("The pay range for this role in New York City is $129,000–$151,000 per year.");
        assertThat(p.at("/ranges/0/requirementRule/rule").asText()).isEqualTo("Posting requirements_11");
        assertThat(p.at("/ranges/0/law").asText()).contains("Local Law 32");
        assertThat(p.at("/ranges/1/sentence").asText())
                .isEqualTo("The pay range for this role in Colorado is $129,000–$151,000 per year. Benefits and other "
                        + "compensation: " + BENEFITS + ". Apply by " + apply() + ".");
        assertThat(p.at("/ranges/2/sentence").asText())
                .isEqualTo("The pay range for this role in Washington is $129,000–$151,000 per year. Benefits and "
                        + "other compensation: " + BENEFITS + ".");

        // stored: the posting reads back as answered, and each range is listed under its quote
        Api.Reply stored =
                viewer.get("/api/v1/postings/ranges/" + p.get("postingId").asText());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("ranges")).isEqualTo(p.get("ranges"));
        JsonNode listed = viewer.get("/api/v1/postings/ranges?quoteId=" + quote).json();
        assertThat(listed.get("items")).hasSize(3);
        assertThat(TestUsers.admin(APP)
                        .get("/api/v1/audit?action=posting.ranges&limit=5")
                        .text())
                .contains("posting:" + p.get("postingId").asText(), "NYC 129000-151000", "rules v1");
    }

    @Test
    void anOpenEndedRangeIsA400NamingTheJurisdictionAndTheRuleAndNothingIsStored() {
        String quote = quote();
        Api.Reply r = ranges("""
                {"quoteId": "%s", "locations": [%s], "range": {"min": 130000}}""".formatted(quote, NYC));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("POSTING_RANGE_REFUSED");
        assertThat(r.json().get("message").asText())
                .startsWith(
                        "NYC (Posting requirements_11, posting-requirements" + ".drl.csv line 11): OPEN_ENDED_RANGE");
        JsonNode d = r.json().at("/details/0");
        assertThat(d.get("field").asText()).isEqualTo("range");
        assertThat(d.get("jurisdiction").asText()).isEqualTo("NYC");
        assertThat(d.get("rule").asText()).isEqualTo("Posting requirements_11");
        assertThat(d.get("file").asText()).isEqualTo("posting-requirements.drl.csv");
        assertThat(d.get("line").asInt()).isEqualTo(11);
        assertThat(d.get("message").asText()).contains("no maximum", "Local Law 32");
        assertThat(viewer.get("/api/v1/postings/ranges?quoteId=" + quote).json().get("items"))
                .isEmpty();
        assertThat(TestUsers.admin(APP)
                        .get("/api/v1/audit?action=posting.ranges&limit=5")
                        .text())
                .contains("FAILURE", "OPEN_ENDED_RANGE");
    }

    @Test
    void minAboveMaxAndUnitOrCurrencyMismatchesAreRefusedPerJurisdiction() {
        String quote = quote();
        Api.Reply minAboveMax = ranges("""
                {"quoteId": "%s", "locations": [%s, %s], "benefits": "x", "applicationDeadline": "%s",
                 "range": {"min": 150000, "max": 130000}}""".formatted(quote, NYC, DENVER, deadline));
        assertThat(minAboveMax.status()).isEqualTo(400);
        assertThat(minAboveMax.json().get("details").findValuesAsText("jurisdiction"))
                .containsExactly("NYC", "CO");
        assertThat(minAboveMax.json().get("details").findValuesAsText("message"))
                .allSatisfy(m -> assertThat(m).startsWith("MIN_ABOVE_MAX"));

        Api.Reply currency = ranges("""
                {"quoteId": "%s", "locations": [%s], "range": {"min": 130000, "max": 140000, "currency": "EUR"}}""".formatted(quote, NYC));
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.json().at("/details/0/field").asText()).isEqualTo("range.currency");
        assertThat(currency.json().at("/details/0/message").asText()).startsWith("CURRENCY_MISMATCH");

        Api.Reply unit = ranges("""
                {"quoteId": "%s", "locations": [%s], "range": {"min": 62, "max": 70, "period": "HOURLY"}}""".formatted(quote, NYC));
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.json().at("/details/0/field").asText()).isEqualTo("range.period");
        assertThat(unit.json().at("/details/0/message").asText()).startsWith("UNIT_MISMATCH");

        Api.Reply monthlyInNyc = ranges("""
                {"quoteId": "%s", "locations": [%s], "period": "MONTHLY"}""".formatted(quote, NYC));
        assertThat(monthlyInNyc.status()).isEqualTo(400);
        assertThat(monthlyInNyc.json().at("/details/0/message").asText()).startsWith("UNIT_MISMATCH");

        // a USD quote cannot give the range of a posting in Berlin, where pay is stated in EUR
        Api.Reply berlin = ranges("""
                {"quoteId": "%s", "locations": [%s]}""".formatted(quote, BERLIN));
        assertThat(berlin.status()).isEqualTo(400);
        assertThat(berlin.json().at("/details/0/jurisdiction").asText()).isEqualTo("EU");
        assertThat(berlin.json().at("/details/0/line").asInt()).isEqualTo(25);
        assertThat(berlin.json().at("/details/0/message").asText()).startsWith("CURRENCY_MISMATCH");
        assertThat(viewer.get("/api/v1/postings/ranges?quoteId=" + quote).json().get("items"))
                .isEmpty();
    }

    @Test
    void coloradoAndWashingtonRefuseARangeWithoutBenefitsOrDeadline() {
        String quote = quote();
        Api.Reply r = ranges("""
                {"quoteId": "%s", "locations": [%s, %s]}""".formatted(quote, DENVER, SEATTLE));
        assertThat(r.status()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        r.json()
                .get("details")
                .forEach(d -> problems.add(d.get("jurisdiction").asText() + ":"
                        + d.get("message").asText().split(":")[0] + ":"
                        + d.get("field").asText()));
        assertThat(problems)
                .containsExactly(
                        "CO:MISSING_BENEFITS:benefits",
                        "CO:MISSING_DEADLINE:applicationDeadline",
                        "WA:MISSING_BENEFITS:benefits");
        Api.Reply past = ranges("""
                {"quoteId": "%s", "locations": [%s], "benefits": "%s", "applicationDeadline": "2020-01-31"}""".formatted(quote, DENVER, BENEFITS));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().at("/details/0/message").asText()).startsWith("DEADLINE_PASSED");
    }

    @Test
    void aProposedRangeMustFitTheBandAndThePostingWidthPolicy() {
        String quote = quote();
        // 40 % of the 56000-wide band is 22400
        Api.Reply within = ranges("""
                {"quoteId": "%s", "locations": [%s], "range": {"min": 125000, "max": 147000}}""".formatted(quote, NYC));
        assertThat(within.status()).as(within.text()).isEqualTo(201);
        assertThat(within.json().at("/ranges/0/sentence").asText())
                .isEqualTo("The pay range for this role in New York City is $125,000–$147,000 per year.");
        assertThat(within.json().at("/ranges/0/criteria/proposed/min").doubleValue())
                .isEqualTo(125000.0);

        Api.Reply wide = ranges("""
                {"quoteId": "%s", "locations": [%s], "range": {"min": 115000, "max": 165000}}""".formatted(quote, NYC));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.json().at("/details/0/rule").asText()).isEqualTo("Posting width_12");
        assertThat(wide.json().at("/details/0/file").asText()).isEqualTo("posting-width.drl.csv");
        assertThat(wide.json().at("/details/0/message").asText())
                .startsWith("RANGE_TOO_WIDE")
                .contains("89.3 %");

        Api.Reply outside = ranges("""
                {"quoteId": "%s", "locations": [%s], "range": {"min": 100000, "max": 120000}}""".formatted(quote, NYC));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().at("/details/0/message").asText()).startsWith("OUTSIDE_BAND");
    }

    @Test
    void hourlyRangesAreTheAnnualFiguresOverTheHoursOfTheAnnualisationTable() {
        String quote = quote();
        Api.Reply r = ranges("""
                {"quoteId": "%s", "locations": [%s], "period": "HOURLY"}""".formatted(quote, NYC));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        // 129000 / 2080 = 62.019..., 151000 / 2080 = 72.596...
        assertThat(r.json().at("/ranges/0/min").decimalValue()).isEqualByComparingTo("62.02");
        assertThat(r.json().at("/ranges/0/max").decimalValue()).isEqualByComparingTo("72.60");
        assertThat(r.json().at("/ranges/0/sentence").asText())
                .isEqualTo("The pay range for this role in New York City is $62.02–$72.60 per hour.");
    }

    @Test
    void anEmployerBelowAThresholdGetsTheRangeMarkedNotRequired() {
        String quote = quote();
        Api.Reply r = ranges("""
                {"quoteId": "%s", "locations": [%s, %s], "employees": 10}""".formatted(quote, NYC, SEATTLE));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().at("/ranges/0/required").asBoolean()).isTrue();
        assertThat(r.json().at("/ranges/1/jurisdiction").asText()).isEqualTo("WA");
        assertThat(r.json().at("/ranges/1/required").asBoolean()).isFalse();
        Api.Reply texas = ranges("""
                {"quoteId": "%s", "locations": [{"country": "US", "region": "TX", "city": "Austin"}]}""".formatted(quote));
        assertThat(texas.status()).isEqualTo(201);
        assertThat(texas.json().get("ranges")).isEmpty();
        assertThat(texas.json().at("/unregulated/0/label").asText()).isEqualTo("Austin, TX, US");
    }

    @Test
    void aPublishedGradeGivesThePostingRangeADraftDoesNot() {
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        String quote = quote();
        Api.Reply built = manager.postJson("/api/v1/structures", """
                {"name": "Posting grades %s", "method": "PROGRESSION", "grades": 3, "progression": 0.2,
                 "firstMid": 100000, "jobs": [{"quoteId": "%s"}]}""".formatted(System.nanoTime(), quote));
        assertThat(built.status()).as(built.text()).isEqualTo(201);
        String id = built.json().get("id").asText();
        // grade 2: mid 120000, spread 0.40: min 100000, max 140000
        assertThat(built.json().at("/grades/1/min").decimalValue()).isEqualByComparingTo("100000");
        assertThat(built.json().at("/grades/1/max").decimalValue()).isEqualByComparingTo("140000");
        String body = """
                {"structureId": "%s", "grade": 2, "locations": [%s]}""".formatted(id, NYC);
        Api.Reply draft = ranges(body);
        assertThat(draft.status()).isEqualTo(409);
        assertThat(draft.json().get("error").asText()).isEqualTo("STRUCTURE_NOT_PUBLISHED");
        assertThat(manager.post("/api/v1/structures/" + id + "/publish", null, "")
                        .status())
                .isEqualTo(200);
        Api.Reply r = ranges(body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        // 100000 + 0.3 x 40000 = 112000; 100000 + 0.7 x 40000 = 128000
        assertThat(r.json().at("/ranges/0/sentence").asText())
                .isEqualTo("The pay range for this role in New York City is $112,000–$128,000 per year.");
        assertThat(r.json().at("/ranges/0/criteria/structureId").asText()).isEqualTo(id);
        assertThat(r.json().at("/ranges/0/criteria/grade").asInt()).isEqualTo(2);
    }

    @Test
    void badRequestsNameTheField() {
        String quote = quote();
        assertField(ranges("{\"quoteId\": \"" + quote + "\", \"locations\": []}"), "locations");
        assertField(ranges("{\"locations\": [" + NYC + "]}"), "body");
        assertField(ranges("{\"quoteId\": \"nope\", \"locations\": [" + NYC + "]}"), "quoteId");
        assertField(
                ranges("{\"quoteId\": \"" + quote + "\", \"period\": \"WEEKLY\", \"locations\": [" + NYC + "]}"),
                "period");
        assertField(
                ranges("{\"quoteId\": \"" + quote + "\", \"locations\": [{\"country\": \"XX\"}]}"),
                "locations[0].country");
        assertField(
                ranges("{\"quoteId\": \"" + quote + "\", \"structureId\": \"s\", \"grade\": 1, \"locations\": [" + NYC
                        + "]}"),
                "body");
        assertField(
                viewer.postJson("/api/v1/postings/check", "{\"text\": \"\", \"locations\": [" + NYC + "]}"), "text");
        assertThat(viewer.postJson("/api/v1/postings/ranges", "{}").status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/postings/ranges/no-such-posting").status())
                .isEqualTo(404);
    }

    void assertField(Api.Reply r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("details").findValuesAsText("field"))
                .as(r.text())
                .contains(field);
    }

    @TestFactory
    Stream<DynamicTest> eachAdOfTheCorpusGetsItsExpectedFindings() throws IOException {
        JsonNode ads;
        try (InputStream in = getClass().getResourceAsStream("/postings/ads.yaml")) {
            ads = new ObjectMapper(new YAMLFactory()).readTree(in).get("ads");
        }
        assertThat(ads.size()).as("ads in the corpus").isGreaterThanOrEqualTo(30);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode ad : ads) {
            tests.add(DynamicTest.dynamicTest(ad.get("id").asText(), () -> {
                List<String> places = new ArrayList<>();
                ad.get("locations").forEach(l -> places.add(PLACES.get(l.asText())));
                String body = new ObjectMapper()
                        .createObjectNode()
                        .put("text", ad.get("text").asText())
                        .toString();
                body = body.substring(0, body.length() - 1) + ", \"locations\": [" + String.join(", ", places) + "]"
                        + (ad.has("employees")
                                ? ", \"employees\": " + ad.get("employees").asInt()
                                : "") + "}";
                Api.Reply r = viewer.postJson("/api/v1/postings/check", body);
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                TreeSet<String> found = new TreeSet<>();
                r.json()
                        .get("findings")
                        .forEach(f -> found.add(f.get("jurisdiction").asText() + ":"
                                + f.get("code").asText()));
                TreeSet<String> expected = new TreeSet<>();
                ad.get("expect").forEach(e -> expected.add(e.asText()));
                assertThat(found)
                        .as(ad.get("id").asText() + ": " + r.json().get("figures"))
                        .isEqualTo(expected);
                assertThat(r.json().get("compliant").asBoolean()).isEqualTo(expected.isEmpty());
                r.json().get("findings").forEach(f -> {
                    assertThat(f.at("/rule/file").asText()).isEqualTo("posting-requirements.drl.csv");
                    assertThat(f.get("message").asText()).startsWith("The ad ");
                });
            }));
        }
        return tests.stream();
    }
}
