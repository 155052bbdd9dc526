package org.jobpricing.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An unexpected error reaches a (local, fake) Sentry with the request id and user id, and no secrets. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SentryReportingTest {

    static final List<String> ENVELOPES = new CopyOnWriteArrayList<>();
    static final HttpServer SENTRY = fakeSentry();
    static final TestDatabases.Db DB = TestDatabases.h2();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            DB,
            "plugins.refreshOnStartup",
            "false",
            "sentryDsn",
            "http://publickey@127.0.0.1:" + SENTRY.getAddress().getPort() + "/42");

    static HttpServer fakeSentry() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = gunzip(body);
                }
                ENVELOPES.add(exchange.getRequestURI().getPath() + "\n" + new String(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    @AfterAll
    static void stopFake() {
        SENTRY.stop(0);
    }

    @Test
    void anUnexpectedErrorIsReportedWithRequestAndUserIds() throws Exception {
        try (Connection c = DriverManager.getConnection(DB.url(), DB.user(), DB.password());
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO quote (id, created_at, occupation_code, level, country, "
                                + "ruleset_version, request_json, response_json) VALUES ('broken', ?, 'x', 'IC3', 'US', 'v1', '{}', 'not json')")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        Api viewer = TestUsers.as(APP, Role.VIEWER);
        String viewerId = viewer.get("/api/v1/auth/me").json().get("id").asText();

        Api.Reply reply = viewer.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/pricing/quotes/broken"))
                .header("X-Request-Id", "sentry-check-1")
                .GET());

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get("error").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.text()).doesNotContain("IllegalStateException").doesNotContain("not json");
        String envelope = "";
        for (int i = 0; i < 100 && envelope.isEmpty(); i++) {
            envelope = ENVELOPES.stream()
                    .filter(e -> e.contains("sentry-check-1"))
                    .findFirst()
                    .orElse("");
            Thread.sleep(100);
        }
        assertThat(envelope)
                .startsWith("/api/42/envelope/")
                .contains("IllegalStateException")
                .contains("\"request_id\":\"sentry-check-1\"")
                .contains(viewerId)
                .doesNotContain(viewer.token())
                .doesNotContain(TestUsers.PASSWORD);
    }
}
