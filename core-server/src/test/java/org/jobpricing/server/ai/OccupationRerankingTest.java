package org.jobpricing.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Re-ranking of the offline occupation candidates by the LLM plugin (loaded by PF4J from its jar) against a
 * local fake OpenAI-compatible server that puts a lower offline candidate first: the AI endpoint and
 * quotes follow it and say so; when the provider fails, quotes keep the offline choice with a warning.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OccupationRerankingTest {

    enum Mode {
        RANK,
        FAIL_500,
        SLOW,
        MALFORMED_BODY,
        PROSE
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CANDIDATE = Pattern.compile("(?m)^- (\\d\\d-\\d{4}\\.\\d\\d): ");
    static volatile Mode mode = Mode.RANK;
    static final List<String> PROMPTS = new CopyOnWriteArrayList<>();
    static final HttpServer FAKE = fakeOpenAi();

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.config.llm-enricher.baseUrl",
            "http://127.0.0.1:" + FAKE.getAddress().getPort() + "/v1",
            "plugins.config.llm-enricher.model",
            "fake-model",
            "plugins.config.llm-enricher.apiKey",
            "sk-never-in-logs",
            "plugins.config.llm-enricher.timeoutSeconds",
            "1",
            "plugins.config.llm-enricher.maxRetries",
            "0",
            "plugins.config.llm-enricher.rerank",
            "true");
    /** A provider allowed 30 s by the plugin, but quotes wait 1 s at most. */
    static final DropwizardAppExtension<JobPricingConfiguration> PATIENT_PLUGIN = TestApps.app(
            TestDatabases.h2(),
            "plugins.config.llm-enricher.baseUrl",
            "http://127.0.0.1:" + FAKE.getAddress().getPort() + "/v1",
            "plugins.config.llm-enricher.model",
            "fake-model",
            "plugins.config.llm-enricher.timeoutSeconds",
            "30",
            "plugins.config.llm-enricher.maxRetries",
            "0",
            "plugins.config.llm-enricher.rerank",
            "true",
            "ai.rankTimeout",
            "1s");

    static final DropwizardAppExtension<JobPricingConfiguration> RERANK_OFF = TestApps.app(
            TestDatabases.h2(),
            "plugins.config.llm-enricher.baseUrl",
            "http://127.0.0.1:" + FAKE.getAddress().getPort() + "/v1",
            "plugins.config.llm-enricher.model",
            "fake-model",
            "plugins.config.llm-enricher.maxRetries",
            "0");

    static final String TITLE = "Software Developer";
    static final String DESCRIPTION = "You will build backend services in Java and ship them with Docker.";

    /** The candidates' codes in the order the server sent them (the offline order). */
    static List<String> candidates(String prompt) {
        List<String> codes = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(prompt);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    static String soc(String onetCode) {
        return onetCode.substring(0, 7);
    }

    /** The first offline candidate filed under another SOC code than the offline top: the one the fake prefers. */
    static String preferred(List<String> offline) {
        return offline.stream()
                .filter(c -> !soc(c).equals(soc(offline.get(0))))
                .findFirst()
                .orElseThrow();
    }

    static String answer(String prompt) throws IOException {
        List<String> offline = candidates(prompt);
        String preferred = preferred(offline);
        String content = switch (mode) {
            case PROSE -> "The best fit is " + preferred + ", I think.";
            default ->
                "{\"ranking\": [{\"code\": \"" + preferred
                        + "\", \"score\": 0.91, \"reason\": \"the fake prefers it\"},"
                        + " {\"code\": \"99-9999.99\", \"score\": 0.99, \"reason\": \"invented\"},"
                        + " {\"code\": \"" + offline.get(0) + "\", \"score\": 0.42, \"reason\": \"the offline top\"}]}";
        };
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(content)
                + "},\"finish_reason\":\"stop\"}]}";
    }

    static HttpServer fakeOpenAi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                String prompt = JSON.readTree(exchange.getRequestBody())
                        .at("/messages/0/content")
                        .asText();
                PROMPTS.add(prompt);
                Mode now = mode;
                if (now == Mode.SLOW) {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int status = now == Mode.FAIL_500 ? 500 : 200;
                String body = switch (now) {
                    case FAIL_500 -> "{\"error\":{\"message\":\"overloaded\"}}";
                    case MALFORMED_BODY -> "{\"choices\": [ not json";
                    default -> answer(prompt);
                };
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopFake() {
        FAKE.stop(0);
    }

    @BeforeEach
    void reset() {
        mode = Mode.RANK;
        PROMPTS.clear();
    }

    static Api.Reply quote(DropwizardAppExtension<JobPricingConfiguration> app) {
        return TestUsers.as(app, Role.HR_ANALYST).postJson("/api/v1/pricing/quotes", """
                {"title": "%s", "level": "IC3", "country": "US", "asOf": "2026-05-01", "description": "%s"}""".formatted(TITLE, DESCRIPTION));
    }

    static List<String> codes(JsonNode matches) {
        List<String> codes = new ArrayList<>();
        matches.forEach(m -> codes.add(m.get("code").asText()));
        return codes;
    }

    @Test
    void theOccupationMatchesEndpointPutsTheModelsChoiceFirst() {
        Api.Reply reply = TestUsers.as(APP, Role.HR_ANALYST)
                .postJson(
                        "/api/v1/ai/occupation-matches",
                        "{\"title\": \"" + TITLE + "\", \"description\": \"" + DESCRIPTION + "\", \"limit\": 4}");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(PROMPTS).hasSize(1);
        List<String> offline = candidates(PROMPTS.get(0));
        assertThat(offline)
                .as("the top 5 offline candidates are offered")
                .hasSize(5)
                .contains("15-1252.00");
        assertThat(PROMPTS.get(0)).contains(TITLE, DESCRIPTION);
        String preferred = preferred(offline);
        JsonNode matches = reply.json().get("matches");
        List<String> expected = new ArrayList<>(List.of(preferred, offline.get(0)));
        offline.stream().filter(c -> !expected.contains(c)).forEach(expected::add);
        assertThat(codes(matches))
                .containsExactlyElementsOf(expected.subList(0, 4))
                .doesNotContain("99-9999.99");
        assertThat(matches.get(0).get("score").asDouble()).isEqualTo(0.91);
        assertThat(matches.get(0).get("reason").asText()).isEqualTo("the fake prefers it");
        assertThat(matches.get(1).get("score").asDouble()).isEqualTo(0.42);
        assertThat(matches.get(2).get("reason").asText()).startsWith("not ranked by the language model; offline: ");
        assertThat(matches.get(2).get("score").asDouble()).isLessThanOrEqualTo(0.42);
    }

    @Test
    void aQuoteFromATitleAndADescriptionUsesTheReRankedOccupationAndSaysSo() {
        Api.Reply reply = quote(APP);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        List<String> offline = candidates(PROMPTS.get(0));
        String preferred = preferred(offline);
        JsonNode q = reply.json();
        assertThat(q.get("occupationCode").asText()).isEqualTo(soc(preferred)).isNotEqualTo(soc(offline.get(0)));
        assertThat(q.at("/band/mid").asInt()).isPositive();
        JsonNode step = q.get("explanation").get(0);
        assertThat(step.get("rule").asText()).isEqualTo("Occupation enricher (onet-enricher)");
        assertThat(step.get("message").asText())
                .contains("occupationCode inferred from the title \"" + TITLE + "\": " + soc(preferred))
                .contains("confidence 0.91; the fake prefers it")
                .contains(
                        "the top 5 offline candidates were re-ranked by the language model (llm-enricher): top before "
                                + offline.get(0) + " (",
                        "after " + preferred + " (0.91)")
                .doesNotContain("fake-model");
        assertThat(q.get("warnings").toString()).doesNotContain("re-rank");
    }

    @Test
    void whenTheProviderFailsTheQuoteKeepsTheOfflineChoiceWithAWarning() {
        String offlineTop = null;
        for (Mode failure : List.of(Mode.FAIL_500, Mode.SLOW, Mode.MALFORMED_BODY, Mode.PROSE)) {
            mode = failure;
            PROMPTS.clear();

            Api.Reply reply = quote(APP);

            assertThat(reply.status()).as(failure + ": " + reply.text()).isEqualTo(201);
            assertThat(PROMPTS).as(failure.name()).hasSize(1);
            offlineTop = candidates(PROMPTS.get(0)).get(0);
            JsonNode q = reply.json();
            assertThat(q.get("occupationCode").asText()).as(failure.name()).isEqualTo(soc(offlineTop));
            assertThat(q.at("/band/mid").asInt()).isPositive();
            String expectedKind = switch (failure) {
                case FAIL_500 -> "unavailable: ";
                case SLOW -> "timeout: ";
                default -> "bad response: ";
            };
            List<String> warnings = new ArrayList<>();
            q.get("warnings").forEach(w -> warnings.add(w.asText()));
            assertThat(warnings)
                    .as(failure.name())
                    .anySatisfy(w -> assertThat(w)
                            .startsWith(
                                    "the language model could not re-rank the occupation candidates (" + expectedKind)
                            .endsWith("); the offline order was kept"));
            String message = q.get("explanation").get(0).get("message").asText();
            assertThat(message)
                    .contains(
                            "occupationCode inferred from the title \"" + TITLE + "\": " + soc(offlineTop),
                            "warning: the language model could not re-rank")
                    .doesNotContain("were re-ranked");
            assertThat(reply.text()).doesNotContain("sk-never-in-logs");
        }

        mode = Mode.FAIL_500;
        JsonNode matches = TestUsers.as(APP, Role.HR_ANALYST)
                .postJson(
                        "/api/v1/ai/occupation-matches",
                        "{\"title\": \"" + TITLE + "\", \"description\": \"" + DESCRIPTION + "\"}")
                .json()
                .get("matches");
        assertThat(codes(matches))
                .as("the endpoint answers the offline order")
                .first()
                .isEqualTo(offlineTop);
    }

    @Test
    void aQuoteWaitsNoLongerThanTheServersDeadlineWhateverThePluginAllows() {
        mode = Mode.SLOW;
        PROMPTS.clear();

        Api.Reply reply = quote(PATIENT_PLUGIN);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(PROMPTS).hasSize(1);
        assertThat(reply.json().get("occupationCode").asText())
                .isEqualTo(soc(candidates(PROMPTS.get(0)).get(0)));
        List<String> warnings = new ArrayList<>();
        reply.json().get("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings)
                .contains("the language model could not re-rank the occupation candidates "
                        + "(timeout: no answer within 1 s); the offline order was kept");
    }

    @Test
    void withRerankOffTheModelIsNotAskedAndNothingIsSaid() {
        Api.Reply reply = quote(RERANK_OFF);

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(PROMPTS).isEmpty();
        assertThat(reply.json().get("occupationCode").asText()).isEqualTo("15-1252");
        assertThat(reply.json().get("warnings").toString()).doesNotContain("language model");
        assertThat(reply.json().get("explanation").get(0).get("message").asText())
                .doesNotContain("re-rank");
    }
}
