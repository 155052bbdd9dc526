package org.jobpricing.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The offline O*NET enricher, loaded by PF4J from its plugin jar: titles become occupations and
 * descriptions become skills, in quotes and through the AI endpoints.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EnrichmentTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(TestDatabases.h2());
    static final DropwizardAppExtension<JobPricingConfiguration> WITHOUT_PLUGINS = TestApps.app(
            TestDatabases.h2(), "plugins.directory", "no-such-plugins-directory", "plugins.refreshOnStartup", "false");

    @Test
    void aTitleAndADescriptionAreEnoughForABand() {
        Api.Reply reply = TestUsers.as(APP, Role.HR_ANALYST).postJson("/api/v1/pricing/quotes", """
                {"title": "Sr. Software Developer II", "level": "IC3", "country": "US", "asOf": "2026-05-01",
                 "description": "You will build backend services in Java and ship them with Docker."}""");

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode q = reply.json();
        assertThat(q.get("occupationCode").asText()).isEqualTo("15-1252");
        assertThat(q.at("/band/mid").asInt()).isPositive();
        List<String> skills = new ArrayList<>();
        q.get("skills").forEach(s -> skills.add(s.asText().toLowerCase()));
        assertThat(skills)
                .anySatisfy(s -> assertThat(s).contains("java"))
                .anySatisfy(s -> assertThat(s).contains("docker"));
        JsonNode first = q.get("explanation").get(0);
        assertThat(first.get("rule").asText()).startsWith("Occupation enricher");
        assertThat(first.get("message").asText()).contains("15-1252", "confidence");
        assertThat(q.get("explanation").toString()).contains("Skill enricher", "skills inferred from the description");
    }

    @Test
    void aTitleWithoutACodeExplainsTheMatchItsConfidenceTheRunnerUpsAndTheSuggestedLevel() {
        Api.Reply reply = TestUsers.as(APP, Role.HR_ANALYST).postJson("/api/v1/pricing/quotes", """
                {"title": "Sr. SWE", "level": "IC3", "country": "US", "asOf": "2026-05-01"}""");

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode q = reply.json();
        assertThat(q.get("occupationCode").asText()).isEqualTo("15-1252");
        JsonNode step = q.get("explanation").get(0);
        assertThat(step.get("rule").asText()).isEqualTo("Occupation enricher (onet-enricher)");
        String message = step.toString();
        assertThat(message)
                .contains(
                        "occupationCode inferred from the title \\\"Sr. SWE\\\": 15-1252 (Software Developers, O*NET 15-1252.00)")
                .containsPattern("confidence 0\\.[7-9]\\d; ")
                .contains("calibrated confidence")
                .contains("level IC4 suggested by 'sr'")
                .containsPattern("next: \\d\\d-\\d{4}\\.\\d\\d \\([^)]+\\) 0\\.\\d\\d, \\d\\d-\\d{4}")
                .contains("suggests the level IC4; the request's level IC3 was priced");

        JsonNode matches = TestUsers.as(APP, Role.HR_ANALYST)
                .postJson("/api/v1/ai/occupation-matches", "{\"title\": \"Sr. SWE\", \"limit\": 3}")
                .json()
                .get("matches");
        assertThat(matches).hasSize(3);
        assertThat(matches.get(0).get("suggestedLevel").asText()).isEqualTo("IC4");
        assertThat(matches.get(1).get("score").asDouble())
                .isLessThanOrEqualTo(matches.get(0).get("score").asDouble());
    }

    @Test
    void aQuoteStoresWhatWasPricedSoItsWhatIfHasTheInferredOccupationAndSkills() {
        Api analyst = TestUsers.as(APP, Role.HR_ANALYST);
        Api.Reply reply = analyst.postJson("/api/v1/pricing/quotes", """
                {"title": "Sr. Software Developer II", "level": "IC4", "country": "US", "asOf": "2026-05-01",
                 "description": "You will run our Kubernetes clusters and build backend services in Java."}""");
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode q = reply.json();
        assertThat(q.get("skills")).as("skills inferred from the description").isNotEmpty();

        Api.Reply simulated = analyst.postJson("/api/v1/rules/versions/1/simulate", "{\"limit\": 1}");
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(200);
        JsonNode delta = simulated.json().get("quotes").get(0);
        assertThat(delta.get("quoteId").asText()).isEqualTo(q.get("id").asText());
        assertThat(delta.get("error").isNull()).as(delta.toString()).isTrue();
        assertThat(delta.get("before"))
                .as("the replay prices the inferred occupation and skills")
                .isEqualTo(q.get("band"));
    }

    @Test
    void aTitleNoOccupationMatchesSaysSoNotThatNoEnricherIsInstalled() {
        Api.Reply reply = TestUsers.as(APP, Role.HR_ANALYST)
                .postJson("/api/v1/pricing/quotes", "{\"title\": \"Xyzzy\", \"level\": \"IC3\", \"country\": \"US\"}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        assertThat(reply.json().get("error").asText()).isEqualTo("OCCUPATION_NOT_RESOLVED");
        assertThat(reply.json().get("message").asText())
                .contains("no occupation matches the title \"Xyzzy\"")
                .doesNotContain("no occupation enricher is installed");
        assertThat(reply.json().get("details").get(0).get("field").asText()).isEqualTo("occupationCode");
    }

    @Test
    void theAiEndpointsAnswerFromTheOfflineEnricher() {
        Api analyst = TestUsers.as(APP, Role.HR_ANALYST);

        JsonNode matches = analyst.postJson(
                        "/api/v1/ai/occupation-matches", "{\"title\": \"Registered Nurse\", \"limit\": 3}")
                .json()
                .get("matches");
        assertThat(matches).hasSizeBetween(1, 3);
        assertThat(matches.get(0).get("code").asText()).isEqualTo("29-1141.00");
        assertThat(matches.get(0).get("score").asDouble()).isBetween(0.0, 1.0);

        JsonNode skills = analyst.postJson(
                        "/api/v1/ai/skill-extractions",
                        "{\"text\": \"Experience with Python, SQL and Tableau required.\"}")
                .json()
                .get("skills");
        List<String> names = new ArrayList<>();
        skills.forEach(s -> names.add(s.get("name").asText().toLowerCase()));
        assertThat(names).anySatisfy(n -> assertThat(n).contains("python"));

        JsonNode occupationSkills = analyst.get("/api/v1/ai/occupations/15-1252.00/skills?limit=5")
                .json()
                .get("skills");
        assertThat(occupationSkills).hasSize(5);
        assertThat(analyst.get("/api/v1/ai/occupations/99-9999.99/skills").status())
                .isEqualTo(404);

        JsonNode enriched = analyst.postJson(
                        "/api/v1/ai/enrichments",
                        "{\"title\": \"Registered Nurse\", \"level\": \"IC2\", \"country\": \"US\"}")
                .json();
        assertThat(enriched.at("/request/occupationCode").asText()).isEqualTo("29-1141");
        assertThat(enriched.get("explanation").get(0).get("rule").asText()).startsWith("Occupation enricher");

        Api.Reply description = analyst.postJson(
                "/api/v1/ai/job-descriptions", "{\"title\": \"Nurse\", \"level\": \"IC2\", \"skills\": []}");
        assertThat(description.status()).isEqualTo(503);
        assertThat(description.json().get("error").asText()).isEqualTo("LLM_NOT_CONFIGURED");
        assertThat(TestUsers.as(APP, Role.VIEWER)
                        .postJson("/api/v1/ai/occupation-matches", "{\"title\": \"x\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void withoutAnEnricherTheEndpointsSay503AndPricingNeedsACode() {
        Api analyst = TestUsers.as(WITHOUT_PLUGINS, Role.HR_ANALYST);

        Api.Reply matches = analyst.postJson("/api/v1/ai/occupation-matches", "{\"title\": \"Registered Nurse\"}");
        assertThat(matches.status()).isEqualTo(503);
        assertThat(matches.json().get("error").asText()).isEqualTo("ENRICHER_NOT_AVAILABLE");
        Api.Reply quote = analyst.postJson(
                "/api/v1/pricing/quotes", "{\"title\": \"Registered Nurse\", \"level\": \"IC2\", \"country\": \"US\"}");
        assertThat(quote.status()).isEqualTo(422);
        assertThat(quote.json().get("error").asText()).isEqualTo("OCCUPATION_NOT_RESOLVED");
    }
}
