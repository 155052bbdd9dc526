package org.jobpricing.server.http;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.jobpricing.server.config.HttpSettings;

/** Wires the HTTP concerns: request hygiene, CORS, rate limits and Prometheus metrics. */
public final class HttpSetup {

    private HttpSetup() {}

    /** Registers filters and the metrics servlet; returns the registry the product's own metrics go to. */
    public static PrometheusRegistry install(HttpSettings http, Environment env) {
        env.servlets()
                .addFilter(
                        "request-hygiene",
                        new RequestHygieneFilter(http.getMaxBodyBytes(), http.getMaxBatchBodyBytes()))
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), true, "/*");
        if (!http.getCorsOrigins().isEmpty()) {
            env.getApplicationContext().insertHandler(cors(http));
        }
        if (http.isRateLimitEnabled()) {
            env.jersey()
                    .register(new RateLimitFilter(http.getRateLimitPerMinute(), http.getAnonymousRateLimitPerMinute())
                            .feature());
        }
        env.jersey().register(new LogContextFilter());
        PrometheusRegistry registry = new PrometheusRegistry();
        // resources carry no Dropwizard timers: http_requests_total and the duration histogram of
        // HttpMetricsFilter measure every route with labels
        DropwizardExports.builder().dropwizardRegistry(env.metrics()).register(registry);
        JvmMetrics.builder().register(registry);
        env.jersey().register(new HttpMetricsFilter(registry));
        env.admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                .addMapping("/metrics");
        env.admin()
                .addFilter("security-headers", new SecurityHeaders())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), true, "/*");
        return registry;
    }

    /** Configured origins only; credentials are never combined with a wildcard origin. */
    static CrossOriginHandler cors(HttpSettings http) {
        CrossOriginHandler cors = new CrossOriginHandler();
        Set<String> patterns = new HashSet<>();
        boolean wildcard = false;
        for (String origin : http.getCorsOrigins()) {
            wildcard |= origin.equals("*");
            patterns.add(
                    origin.equals("*")
                            ? ".*"
                            : java.util.regex.Pattern.quote(origin).replace("*", "\\E[^.]+\\Q"));
        }
        cors.setAllowedOriginPatterns(patterns);
        cors.setAllowCredentials(http.isCorsAllowCredentials() && !wildcard);
        cors.setAllowedMethods(Set.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(Set.of("Authorization", "Content-Type", "X-Request-Id"));
        cors.setExposedHeaders(Set.of(
                "X-Request-Id",
                "Retry-After",
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                "Location"));
        cors.setPreflightMaxAge(Duration.ofMinutes(10));
        return cors;
    }
}
