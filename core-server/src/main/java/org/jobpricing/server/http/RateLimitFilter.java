package org.jobpricing.server.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
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
 * {@link NotRateLimited} (liveness) are left alone: {@link #feature()} binds the filter to every other resource
 * method when the application starts, so a request pays no per-request look-up of its method. The admin port
 * (readiness, metrics) has no Jersey filters. The client address of an anonymous call is the one {@link
 * RequestHygieneFilter} put on the request.
 */
@Priority(Priorities.AUTHORIZATION + 10)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PROBE = RateLimitFilter.class.getName() + ".probe";
    private static final String LIMIT = RateLimitFilter.class.getName() + ".limit";

    private final Map<Role, Integer> perMinuteByRole;
    private final int anonymousPerMinute;
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    /**
     * One bucket per caller (a user id, or a client address for anonymous calls) and limit: a role change
     * gives the user a bucket of the new size.
     */
    private record Key(boolean user, String caller, int perMinute) {}

    public RateLimitFilter(Map<Role, Integer> perMinuteByRole, int anonymousPerMinute) {
        this.perMinuteByRole = Map.copyOf(perMinuteByRole);
        this.anonymousPerMinute = anonymousPerMinute;
    }

    /** Registers this filter on every resource method but those marked {@link NotRateLimited}. */
    public DynamicFeature feature() {
        return (ResourceInfo resource, FeatureContext context) -> {
            if (resource.getResourceMethod() == null
                    || !resource.getResourceMethod().isAnnotationPresent(NotRateLimited.class)) {
                context.register(this);
            }
        };
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Key key = request.getSecurityContext().getUserPrincipal() instanceof UserPrincipal user
                ? new Key(true, user.id(), perMinuteByRole.getOrDefault(user.role(), anonymousPerMinute))
                : new Key(
                        false,
                        request.getProperty(RequestHygieneFilter.CLIENT_ADDRESS) instanceof String address
                                ? address
                                : "unknown",
                        anonymousPerMinute);
        int perMinute = key.perMinute();
        Bucket bucket = buckets.get(
                key,
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
