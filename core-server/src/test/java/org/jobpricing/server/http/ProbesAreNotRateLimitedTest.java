package org.jobpricing.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A load balancer or Kubernetes probes liveness, readiness and metrics from one address many times a
 * minute: none of them may ever answer 429, whatever the anonymous limit.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProbesAreNotRateLimitedTest {

    static final int ANONYMOUS_LIMIT = 3;
    static final int PROBES = 40;
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "http.anonymousRateLimitPerMinute",
            String.valueOf(ANONYMOUS_LIMIT),
            "plugins.refreshOnStartup",
            "false");

    @Test
    void livenessAnswersEveryProbeFromOneAddressWithoutRateLimitHeaders() {
        Api anonymous = new Api(APP.getLocalPort());
        for (int i = 0; i < PROBES; i++) {
            Api.Reply live = anonymous.get("/health");
            assertThat(live.status()).as("probe %d", i + 1).isEqualTo(200);
            assertThat(live.json().get("status").asText()).isEqualTo("UP");
            assertThat(live.headers().firstValue("RateLimit-Limit")).isEmpty();
        }

        Api.Reply limited = null;
        for (int i = 0; i <= ANONYMOUS_LIMIT; i++) {
            limited = anonymous.get("/openapi.json");
        }
        assertThat(limited.status())
                .as("the anonymous limit itself still holds")
                .isEqualTo(429);
        assertThat(anonymous.get("/health").status())
                .as("liveness even once the address is limited")
                .isEqualTo(200);
    }

    @Test
    void readinessAndMetricsOnTheAdminPortAreNeverLimited() {
        Api admin = new Api(APP.getAdminPort());
        for (int i = 0; i < PROBES; i++) {
            Api.Reply ready = admin.get("/healthcheck");
            assertThat(ready.status())
                    .as("readiness probe %d: %s", i + 1, ready.text())
                    .isEqualTo(200);
            assertThat(ready.json().get("database").get("healthy").asBoolean()).isTrue();
            assertThat(ready.headers().firstValue("RateLimit-Limit")).isEmpty();
            Api.Reply metrics = admin.get("/metrics");
            assertThat(metrics.status()).as("metrics scrape %d", i + 1).isEqualTo(200);
            assertThat(metrics.text()).contains("http_requests_total");
        }
    }
}
