package org.jobpricing.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.api.ErrorResponse;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.auth.UserPrincipal;

/**
 * Token buckets (bucket4j): per signed-in user, sized by role, and per client IP for anonymous calls
 * (login). A request over the limit is a 429 with {@code Retry-After}; every answer carries the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} headers. Methods marked
 * {@link NotRateLimited} (liveness) are left alone; the admin port (readiness, metrics) has no Jersey filters.
 */
@Priority(Priorities.AUTHORIZATION + 10)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PROBE = RateLimitFilter.class.getName() + ".probe";
    private static final String LIMIT = RateLimitFilter.class.getName() + ".limit";

    private final Map<Role, Integer> perMinuteByRole;
    private final int anonymousPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    @Context
    private HttpServletRequest servletRequest;

    @Context
    private ResourceInfo resource;

    public RateLimitFilter(Map<Role, Integer> perMinuteByRole, int anonymousPerMinute) {
        this.perMinuteByRole = Map.copyOf(perMinuteByRole);
        this.anonymousPerMinute = anonymousPerMinute;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource != null
                && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(NotRateLimited.class)) {
            return;
        }
        String key;
        int perMinute;
        if (request.getSecurityContext().getUserPrincipal() instanceof UserPrincipal user) {
            key = "user:" + user.id();
            perMinute = perMinuteByRole.getOrDefault(user.role(), anonymousPerMinute);
        } else {
            key = "ip:" + (servletRequest == null ? "unknown" : servletRequest.getRemoteAddr());
            perMinute = anonymousPerMinute;
        }
        Bucket bucket = buckets.get(
                key + "/" + perMinute,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        request.setProperty(PROBE, probe);
        request.setProperty(LIMIT, perMinute);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            request.abortWith(Response.status(429)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", retryAfter)
                    .entity(new ErrorResponse(
                            429, "RATE_LIMITED", "too many requests; retry in " + retryAfter + " s", List.of()))
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROBE) instanceof ConsumptionProbe probe
                && request.getProperty(LIMIT) instanceof Integer limit) {
            response.getHeaders().putSingle("RateLimit-Limit", limit);
            response.getHeaders().putSingle("RateLimit-Remaining", probe.getRemainingTokens());
            response.getHeaders()
                    .putSingle(
                            "RateLimit-Reset",
                            Math.max(0, (probe.getNanosToWaitForReset() + 999_999_999L) / 1_000_000_000L));
        }
    }
}
