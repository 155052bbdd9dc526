package org.jobpricing.plugins.llmenricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobpricing.plugin.api.JobBrief;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.WriterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local fake OpenAI-compatible server: success, 401, timeout, malformed JSON, no configuration. */
class OpenAiJobWriterTest {

    static PluginContext context(Map<String, String> config) {
        return PluginContext.of("llm-enricher", config, Clock.systemUTC());
    }

    static final JobBrief BRIEF = new JobBrief("Data Analyst", "IC2", List.of("SQL", "Python"), "Acme");

    HttpServer server;
    volatile int status = 200;
    volatile String body;
    volatile long delayMillis;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    PluginContext context(String... extra) {
        Map<String, String> config = new HashMap<>(Map.of("baseUrl", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/v1", "model", "test-model", "apiKey", "sk-test-secret", "maxRetries", "0", "timeoutSeconds", "2"));
        for (int i = 0; i < extra.length; i += 2) {
            config.put(extra[i], extra[i + 1]);
        }
        return context(config);
    }

    static String completion(String text) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"test-model\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
    }

    @Test
    void writesADescriptionFromTheModelsAnswer() throws Exception {
        body = completion("Analyse data with SQL and Python.");

        String text = new OpenAiJobWriter().describe(context(), BRIEF);

        assertThat(text).isEqualTo("Analyse data with SQL and Python.");
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).contains("test-model", "Data Analyst", "SQL, Python",
                "Acme"));
        assertThat(authorizations).containsExactly("Bearer sk-test-secret");
    }

    @Test
    void aRefusedKeyIsUnauthorized() {
        status = 401;
        body = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}";

        assertThatThrownBy(() -> new OpenAiJobWriter().describe(context(), BRIEF))
                .isInstanceOfSatisfying(WriterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WriterException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).doesNotContain("sk-test-secret");
                });
    }

    @Test
    void aSlowProviderTimesOut() {
        body = completion("late");
        delayMillis = 4_000;

        assertThatThrownBy(() -> new OpenAiJobWriter().describe(context("timeoutSeconds", "1"), BRIEF))
                .isInstanceOfSatisfying(WriterException.class,
                        e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.TIMEOUT));
    }

    @Test
    void malformedJsonIsABadResponse() {
        body = "{\"choices\": [ this is not json";

        assertThatThrownBy(() -> new OpenAiJobWriter().describe(context(), BRIEF))
                .isInstanceOfSatisfying(WriterException.class,
                        e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.BAD_RESPONSE));
    }

    @Test
    void withoutConfigurationItSaysWhatToSet() {
        assertThatThrownBy(() -> new OpenAiJobWriter().describe(context(Map.of()), BRIEF))
                .isInstanceOfSatisfying(WriterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WriterException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("baseUrl");
                });
        assertThat(requests).isEmpty();
    }
}
