package org.jobpricing.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rate limits, CORS, gzip, request ids, security headers, body limit, liveness and Prometheus metrics. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OperationsTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "http.rateLimitPerMinute.VIEWER",
            "3",
            "http.anonymousRateLimitPerMinute",
            "1000",
            "http.maxBodyBytes",
            "4096",
            "http.corsOrigins[0]",
            "https://comp.example.com");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<byte[]> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
    }

    @Test
    void aViewerOverTheirLimitGets429WithRetryAfterAndRateLimitHeaders() {
        Api viewer = TestUsers.as(APP, Role.VIEWER);
        Api.Reply first = viewer.get("/api/v1/auth/me");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("3");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("2");
        viewer.get("/api/v1/auth/me");
        viewer.get("/api/v1/auth/me");

        Api.Reply limited = viewer.get("/api/v1/auth/me");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(TestUsers.as(APP, Role.HR_ANALYST).get("/api/v1/auth/me").status())
                .as("another user has a bucket of their own")
                .isEqualTo(200);
    }

    @Test
    void corsAnswersConfiguredOriginsOnly() throws Exception {
        HttpResponse<byte[]> allowed = raw(HttpRequest.newBuilder(uri("/api/v1/pricing/quotes"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://comp.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://comp.example.com");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");

        HttpResponse<byte[]> refused = raw(HttpRequest.newBuilder(uri("/api/v1/pricing/quotes"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void largeResponsesAreGzippedAndEveryResponseHasARequestIdAndSecurityHeaders() throws Exception {
        String token = TestUsers.as(APP, Role.HR_MANAGER).token();
        HttpResponse<byte[]> list = raw(HttpRequest.newBuilder(uri("/api/v1/market-data/observations?limit=500"))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip")
                .header("X-Request-Id", "trace-me-42"));

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(list.headers().firstValue("X-Request-Id")).hasValue("trace-me-42");
        assertThat(list.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(list.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        HttpResponse<byte[]> anonymous = raw(HttpRequest.newBuilder(uri("/api/v1/nothing")));
        assertThat(anonymous.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        HttpResponse<byte[]> forged =
                raw(HttpRequest.newBuilder(uri("/health")).header("X-Request-Id", "bad id <script>"));
        assertThat(forged.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void aBodyOverTheLimitIsA413InTheErrorShape() {
        Api analyst = TestUsers.as(APP, Role.HR_ANALYST);
        Api.Reply reply = analyst.post("/api/v1/market-data/observations", "text/csv", "x".repeat(10_000));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void livenessNeedsNoToken() {
        Api.Reply live = new Api(APP.getLocalPort()).get("/health");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCountRequestsQuotesRulesAndRefreshes() throws Exception {
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        double before = metric(scrape(), "quotes_total");
        Api.Reply quote = manager.postJson("/api/v1/pricing/quotes", """
                {"title": "Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "asOf": "2026-05-01"}""");
        assertThat(quote.status()).isEqualTo(201);
        manager.post("/api/v1/market-data/refresh", null, "");

        String text = scrape();

        assertThat(metric(text, "quotes_total")).isEqualTo(before + 1);
        assertThat(text)
                .contains("http_requests_total{method=\"POST\",route=\"/api/v1/pricing/quotes\",status=\"201\"}")
                .contains("http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/pricing/quotes\"")
                .contains("rule_evaluation_seconds_count")
                .contains("rules_fired_total")
                .contains("plugin_refresh_total{outcome=\"OK\",plugin=\"bls-oews\",source=\"bls-oews\"}")
                .contains("plugin_last_success_timestamp_seconds{plugin=\"bls-oews\",source=\"bls-oews\"}")
                .contains("jvm_memory_used_bytes")
                .containsPattern("io_dropwizard_db_ManagedPooledDataSource_database_(active|size)");
        assertThat(metric(text, "rules_fired_total")).isGreaterThan(10);
    }

    static String scrape() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static double metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
