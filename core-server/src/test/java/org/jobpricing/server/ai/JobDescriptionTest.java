package org.jobpricing.server.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The LLM plugin, loaded by PF4J from its jar, against a local fake OpenAI-compatible server: a
 * description comes back, and a refused key, a slow answer and malformed JSON each get a clear status.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JobDescriptionTest {

    static volatile int status = 200;
    static volatile String answer = "";
    static volatile long delay;
    static final HttpServer FAKE = fakeOpenAi();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.refreshOnStartup",
            "false",
            "plugins.config.llm-enricher.baseUrl",
            "http://127.0.0.1:" + FAKE.getAddress().getPort() + "/v1",
            "plugins.config.llm-enricher.model",
            "fake-model",
            "plugins.config.llm-enricher.apiKey",
            "sk-never-in-logs",
            "plugins.config.llm-enricher.timeoutSeconds",
            "1",
            "plugins.config.llm-enricher.maxRetries",
            "0");

    static HttpServer fakeOpenAi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
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

    static Api.Reply describe() {
        return TestUsers.as(APP, Role.HR_ANALYST)
                .postJson(
                        "/api/v1/ai/job-descriptions",
                        "{\"title\": \"Data Analyst\", \"level\": \"IC2\", \"skills\": [\"SQL\"]}");
    }

    @Test
    void successRefusedKeyTimeoutAndMalformedJsonEachGetAClearAnswer() {
        status = 200;
        delay = 0;
        answer =
                "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Turn data into decisions with SQL.\"},"
                        + "\"finish_reason\":\"stop\"}]}";
        Api.Reply ok = describe();
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        assertThat(ok.text()).isEqualTo("Turn data into decisions with SQL.");

        status = 401;
        answer = "{\"error\":{\"message\":\"Incorrect API key provided: sk-never-in-logs\"}}";
        Api.Reply refused = describe();
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("error").asText()).isEqualTo("LLM_UNAUTHORIZED");
        assertThat(refused.text()).doesNotContain("sk-never-in-logs");

        status = 200;
        answer = "{\"choices\": [ not json";
        Api.Reply malformed = describe();
        assertThat(malformed.status()).isEqualTo(502);
        assertThat(malformed.json().get("error").asText()).isEqualTo("LLM_BAD_RESPONSE");

        delay = 3_000;
        Api.Reply slow = describe();
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.json().get("error").asText()).isEqualTo("LLM_TIMEOUT");

        Api.Reply quote = TestUsers.as(APP, Role.HR_ANALYST).postJson("/api/v1/market-data/observations", "x");
        assertThat(quote.status()).as("the rest of the API keeps answering").isEqualTo(415);
    }
}
