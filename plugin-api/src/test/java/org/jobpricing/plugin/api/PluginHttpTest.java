package org.jobpricing.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lent HTTP client against a real local server: retries, Retry-After, and giving up clearly. */
class PluginHttpTest {

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    final List<Duration> waits = new ArrayList<>();
    final List<Integer> statuses = new ArrayList<>();
    final List<String> retryAfter = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int call = calls.getAndIncrement();
            int status = call < statuses.size() ? statuses.get(call) : 200;
            if (call < retryAfter.size() && retryAfter.get(call) != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter.get(call));
            }
            byte[] body = ("answer " + call).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    PluginHttp client(int attempts) {
        return PluginHttp.builder()
                .maxAttempts(attempts)
                .delays(Duration.ofMillis(100), Duration.ofSeconds(30))
                .sleeper(waits::add)
                .clock(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/postings?apiKey=secret-in-query");
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterTheWaitTheServerAsks() throws Exception {
        statuses.addAll(List.of(429, 503));
        retryAfter.addAll(java.util.Arrays.asList("7", "Sat, 28 Nov 2026 10:00:03 GMT"));

        String body = client(5).get(uri(), Map.of());

        assertThat(body).isEqualTo("answer 2");
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
    }

    @Test
    void withoutRetryAfterTheWaitDoublesAndAStormEndsInAnErrorNamingStatusAndPathOnly() {
        statuses.addAll(List.of(500, 500, 500, 500));

        assertThatThrownBy(() -> client(4).get(uri(), Map.of()))
                .isInstanceOf(PluginHttp.StatusException.class)
                .hasMessage("HTTP 500 from http://127.0.0.1:"
                        + server.getAddress().getPort() + "/postings after 4 attempts")
                .satisfies(e ->
                        assertThat(((PluginHttp.StatusException) e).status()).isEqualTo(500));
        assertThat(calls.get()).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aWaitLongerThanTheLimitIsNotSatOut() {
        statuses.add(429);
        retryAfter.add("3600");

        assertThatThrownBy(() -> client(5).get(uri(), Map.of()))
                .hasMessageContaining("asks to retry after 3600 s, more than the 30 s limit");
        assertThat(waits).isEmpty();
    }

    @Test
    void clientErrorsOtherThan429AreNotRetried() {
        statuses.add(401);

        assertThatThrownBy(() -> client(5).get(uri(), Map.of())).hasMessageStartingWith("HTTP 401");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsRetriedThenReported() {
        server.stop(0);

        assertThatThrownBy(() -> client(3).get(uri(), Map.of()))
                .hasMessageStartingWith("could not reach http://127.0.0.1:")
                .hasMessageContaining("after 3 attempts")
                .hasMessageNotContaining("secret-in-query");
        assertThat(waits).hasSize(2);
    }
}
