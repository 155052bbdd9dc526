package org.jobpricing.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web app as the server serves it: / leads to it, its pages carry a strict Content-Security-Policy
 * (and its files hold nothing that policy would refuse, nor any address off this machine), every API
 * path stays where it was, and the refresh-token cookie of a browser session.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebAppServingTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.app(TestDatabases.h2(), "plugins.refreshOnStartup", "false");
    static final Path ASSETS = Path.of("src/main/resources/assets/app");
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
    }

    HttpRequest.Builder post(String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        return b.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    static String cookieValue(HttpResponse<?> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher m = Pattern.compile("jp_refresh=([^;]*)").matcher(header);
        assertThat(m.find()).as(header).isTrue();
        return m.group(1);
    }

    @Test
    void theRootLeadsToTheAppWhosePagesHaveAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> root = send(HttpRequest.newBuilder(uri("/")));
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/app/");

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/app/")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains(
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "object-src 'none'",
                        "frame-ancestors 'none'",
                        "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/js/main.js\"></script>");

        HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/app/js/main.js")));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.headers().firstValue("Content-Security-Policy")).hasValue(csp);
        assertThat(script.headers().firstValue("ETag")).isPresent();
        assertThat(send(HttpRequest.newBuilder(uri("/app/app.css")))
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow())
                .startsWith("text/css");
    }

    @Test
    void everyApiPathStaysWhereItWas() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/health"))).body()).contains("UP");
        assertThat(send(HttpRequest.newBuilder(uri("/openapi.json"))).statusCode())
                .isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/docs/"))).body()).contains("swagger-ui-bundle.js");
        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/api/v1/auth/me")));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .as("the page policy is for pages")
                .isEmpty();
        assertThat(send(HttpRequest.newBuilder(uri("/no-such-thing"))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theAppsFilesHoldNoInlineScriptNoEvalNoMarkupFromStringsAndNoOutsideAddress() throws IOException {
        String html = Files.readString(ASSETS.resolve("index.html"));
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>")
                        .matcher(html)
                        .find())
                .as("inline script")
                .isFalse();
        assertThat(html).doesNotContain("<style", "style=", "onclick", "onload");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ASSETS)) {
            files = walk.filter(
                            p -> p.toString().endsWith(".js") || p.toString().endsWith(".css"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text)
                    .as(file.toString())
                    .doesNotContain(
                            "eval(",
                            "new Function",
                            "innerHTML",
                            "outerHTML",
                            "insertAdjacentHTML",
                            "document.write",
                            "setAttribute('style'",
                            "localStorage",
                            "sessionStorage");
            // the only absolute address is the SVG namespace name, which is never fetched
            assertThat(text.replace("http://www.w3.org/2000/svg", "").replace("http://schemas.openxmlformats.org/", ""))
                    .as(file.toString())
                    .doesNotContain("http://", "https://", "//cdn");
        }
    }

    @Test
    void aBrowserSessionKeepsTheRefreshTokenInAnHttpOnlySameSiteCookie() throws Exception {
        TestUsers.as(APP, Role.HR_ANALYST);
        HttpResponse<String> login = send(post(
                "/api/v1/auth/login?session=cookie",
                "{\"username\": \"hr-analyst-user\", \"password\": \"" + TestUsers.PASSWORD + "\"}"));
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(login.body());
        assertThat(tokens.get("access_token").asText()).isNotBlank();
        assertThat(tokens.get("refresh_token").isNull())
                .as("not readable by page script")
                .isTrue();
        String header = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(header).contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age=604800");
        String first = cookieValue(login);

        HttpResponse<String> refreshed =
                send(post("/api/v1/auth/refresh", null).header("Cookie", "jp_refresh=" + first));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(refreshed.body()).get("refresh_token").isNull())
                .isTrue();
        String second = cookieValue(refreshed);
        assertThat(second).isNotEqualTo(first);
        assertThat(new Api(APP.getLocalPort())
                        .withToken(JSON.readTree(refreshed.body())
                                .get("access_token")
                                .asText())
                        .get("/api/v1/auth/me")
                        .json()
                        .get("username")
                        .asText())
                .isEqualTo("hr-analyst-user");

        // a rotated cookie presented again revokes the session, as for tokens in a body
        assertThat(send(post("/api/v1/auth/refresh", null).header("Cookie", "jp_refresh=" + first))
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(post("/api/v1/auth/refresh", null).header("Cookie", "jp_refresh=" + second))
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> again = send(post(
                "/api/v1/auth/login?session=cookie",
                "{\"username\": \"hr-analyst-user\", \"password\": \"" + TestUsers.PASSWORD + "\"}"));
        String third = cookieValue(again);
        HttpResponse<String> logout = send(post("/api/v1/auth/logout", null).header("Cookie", "jp_refresh=" + third));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("jp_refresh=;", "Max-Age=0");
        assertThat(send(post("/api/v1/auth/refresh", null).header("Cookie", "jp_refresh=" + third))
                        .statusCode())
                .isEqualTo(401);

        // without a body or a cookie: the same 400 as before
        HttpResponse<String> neither = send(post("/api/v1/auth/refresh", null));
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(neither.body()).at("/details/0/field").asText())
                .isEqualTo("body");
        // clients that keep the token themselves are unchanged: no cookie, the token in the body
        HttpResponse<String> plain = send(post(
                "/api/v1/auth/login",
                "{\"username\": \"hr-analyst-user\", \"password\": \"" + TestUsers.PASSWORD + "\"}"));
        assertThat(plain.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(JSON.readTree(plain.body()).get("refresh_token").asText()).isNotBlank();
    }

    @Test
    void theSignedInUserSeesThePermissionsTheServerGrantsThem() {
        JsonNode viewer = TestUsers.as(APP, Role.VIEWER).get("/api/v1/auth/me").json();
        List<String> granted = JSON.convertValue(
                viewer.get("permissions"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(granted)
                .containsExactlyElementsOf(
                        Role.VIEWER.permissions().stream().sorted().toList());
        assertThat(viewer.get("role").asText()).isEqualTo("VIEWER");
    }
}
