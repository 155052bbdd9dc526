package org.jobpricing.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.ConsoleCapture;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With config.yml's defaults every request is logged once, as a text line, and not also as JSON. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessLogDefaultsTest {

    static final ConsoleCapture CONSOLE = ConsoleCapture.start();
    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.app(TestDatabases.h2(), "plugins.refreshOnStartup", "false");

    @Test
    void oneTextLinePerRequest() throws Exception {
        Api api = new Api(APP.getLocalPort());
        assertThat(api.get("/health?probe=text-only-access").status()).isEqualTo(200);
        assertThat(api.get("/health?probe=text-only-access").status()).isEqualTo(200);
        Thread.sleep(500);
        List<String> lines = List.of(CONSOLE.text().split("\\n")).stream()
                .filter(l -> l.contains("text-only-access"))
                .toList();
        assertThat(lines)
                .hasSize(2)
                .allSatisfy(l -> assertThat(l)
                        .startsWith("127.0.0.1 ")
                        .contains("\"GET /health?probe=text-only-access HTTP/1.1\" 200"));
    }

    @Test
    void aThresholdNamesWhetherAccessLinesPass() {
        assertThat(List.of("ALL", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF", "nonsense").stream()
                        .map(t -> {
                            AccessConsoleAppenderFactory f = new AccessConsoleAppenderFactory();
                            f.setThreshold(t);
                            return f.passes();
                        })
                        .toList())
                .containsExactly(true, true, true, true, false, false, false, false);
    }
}
