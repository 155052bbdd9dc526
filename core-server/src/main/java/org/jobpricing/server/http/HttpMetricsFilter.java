package org.jobpricing.server.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;

/** {@code http_requests_total{method,route,status}} and a duration histogram per route (the route template, not the raw path). */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = HttpMetricsFilter.class.getName() + ".started";

    private final Map<ResourceMethod, String> routes = new ConcurrentHashMap<>();
    private final Counter requests;
    private final Histogram duration;

    public HttpMetricsFilter(PrometheusRegistry registry) {
        requests = Counter.builder()
                .name("http_requests_total")
                .help("HTTP requests by method, route and status")
                .labelNames("method", "route", "status")
                .register(registry);
        duration = Histogram.builder()
                .name("http_request_duration_seconds")
                .help("HTTP request duration by route")
                .labelNames("method", "route")
                .register(registry);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String route = route(request);
        requests.labelValues(request.getMethod(), route, String.valueOf(response.getStatus()))
                .inc();
        if (request.getProperty(STARTED) instanceof Long started) {
            duration.labelValues(request.getMethod(), route).observe((System.nanoTime() - started) / 1e9);
        }
    }

    /** The matched resource template, e.g. /api/v1/pricing/quotes/{id}; "unmatched" for 404s. */
    private String route(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
            return "unmatched";
        }
        ResourceMethod method = info.getMatchedResourceMethod();
        if (method == null) {
            return template(info.getMatchedTemplates());
        }
        // a resource method is reached by one template path: worked out once per method
        return routes.computeIfAbsent(method, m -> template(info.getMatchedTemplates()));
    }

    private static String template(List<UriTemplate> templates) {
        if (templates.isEmpty()) {
            return "unmatched";
        }
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (!part.startsWith("/") && path.length() > 0 && path.charAt(path.length() - 1) != '/') {
                path.append('/');
            }
            path.append(part);
        }
        String route = path.toString().replaceAll("/+", "/");
        return route.isEmpty() ? "/" : route;
    }
}
