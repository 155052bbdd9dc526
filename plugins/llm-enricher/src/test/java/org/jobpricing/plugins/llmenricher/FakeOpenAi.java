package org.jobpricing.plugins.llmenricher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jobpricing.plugin.api.PluginContext;

/** A local OpenAI-compatible chat endpoint answering a set status and body, recording what it was sent. */
final class FakeOpenAi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String body = "";
    volatile long delayMillis;
    private final HttpServer server;

    FakeOpenAi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** A plugin context pointing at this server (no retries, 2 s timeout); {@code extra} are key, value pairs that win. */
    PluginContext context(String... extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "baseUrl",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "model",
                "test-model",
                "apiKey",
                "sk-test-secret",
                "maxRetries",
                "0",
                "timeoutSeconds",
                "2"));
        for (int i = 0; i < extra.length; i += 2) {
            config.put(extra[i], extra[i + 1]);
        }
        return PluginContext.of("llm-enricher", config, Clock.systemUTC());
    }

    /** A chat completion whose message is {@code content}. */
    static String completion(String content) {
        try {
            return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"test-model\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(content)
                    + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of the (only) user message of a recorded request. */
    static String prompt(String request) {
        try {
            return JSON.readTree(request).at("/messages/0/content").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
