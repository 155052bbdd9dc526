package org.jobpricing.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ConsoleCapture;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With JSON logging on, application and access log lines are JSON objects carrying the request id. */
@ExtendWith(DropwizardExtensionsSupport.class)
class JsonLogsTest {

    static final ConsoleCapture CONSOLE = ConsoleCapture.start();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.refreshOnStartup",
            "false",
            "logging.level",
            "INFO",
            "logging.appenders[0].threshold",
            "OFF",
            "logging.appenders[1].threshold",
            "INFO",
            "server.requestLog.appenders[0].threshold",
            "OFF",
            "server.requestLog.appenders[1].threshold",
            "INFO");

    @Test
    void logLinesAreJsonWithTheRequestId() throws Exception {
        Api manager = TestUsers.as(APP, Role.HR_MANAGER);
        String version = "1";
        Api.Reply published = manager.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/rules/versions/" + version + "/publish"))
                .header("X-Request-Id", "json-log-check")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(published.status()).isEqualTo(200);
        Thread.sleep(500);

        List<JsonNode> json = new ArrayList<>();
        String console = CONSOLE.text();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : console.split("\n")) {
            if (line.startsWith("{")) {
                json.add(mapper.readTree(line));
            }
        }
        assertThat(json).as("JSON lines").isNotEmpty();
        assertThat(json).anySatisfy(l -> {
            assertThat(l.toString()).contains("json-log-check");
            assertThat(l.has("status") || l.has("level")).isTrue();
        });
        assertThat(json)
                .anySatisfy(l ->
                        assertThat(l.path("mdc").path("requestId").asText()).isEqualTo("json-log-check"));
        assertThat(console).doesNotContain(TestUsers.PASSWORD).doesNotContain(manager.token());
    }

    @Test
    void theTextAccessLogIsOffWhenItsThresholdIs() throws Exception {
        // the text line would show the query, the JSON line shows the request id: one line means JSON only
        assertThat(new Api(APP.getLocalPort())
                        .send(HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + APP.getLocalPort() + "/health?probe=json-only-access"))
                                .header("X-Request-Id", "json-only-access")
                                .GET())
                        .status())
                .isEqualTo(200);
        Thread.sleep(500);
        List<String> lines = List.of(CONSOLE.text().split("\n")).stream()
                .filter(l -> l.contains("json-only-access"))
                .toList();
        assertThat(lines).hasSize(1);
        assertThat(new ObjectMapper().readTree(lines.get(0)).path("uri").asText())
                .isEqualTo("/health");
        assertThat(lines.get(0)).contains("\"X-Request-Id\":\"json-only-access\"");
    }
}
