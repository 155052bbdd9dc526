package org.jobpricing.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** Request limits, CORS and rate limits of the API. */
public class HttpSettings {
    /** Largest request body accepted (413 above it). */
    @jakarta.validation.constraints.Min(1024)
    @JsonProperty
    private long maxBodyBytes = 10L * 1024 * 1024;

    /** Largest batch-pricing body (up to 100,000 requests). */
    @jakarta.validation.constraints.Min(1024)
    @JsonProperty
    private long maxBatchBodyBytes = 64L * 1024 * 1024;

    public long getMaxBatchBodyBytes() {
        return maxBatchBodyBytes;
    }

    /** Browser origins allowed to call the API (exact origins or patterns like https://*.example.com). */
    @NotNull
    @JsonProperty
    private java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @JsonProperty
    private boolean corsAllowCredentials = true;

    @JsonProperty
    private boolean rateLimitEnabled = true;

    /** Requests per minute per signed-in user, by role. */
    @NotNull
    @JsonProperty
    private Map<org.jobpricing.server.auth.Role, Integer> rateLimitPerMinute = new java.util.EnumMap<>(Map.of(
            org.jobpricing.server.auth.Role.VIEWER,
            60,
            org.jobpricing.server.auth.Role.HR_ANALYST,
            300,
            org.jobpricing.server.auth.Role.HR_MANAGER,
            600,
            org.jobpricing.server.auth.Role.ADMIN,
            1200));

    /** Requests per minute per client IP on routes used without a token (login, refresh). */
    @jakarta.validation.constraints.Min(1)
    @JsonProperty
    private int anonymousRateLimitPerMinute = 30;

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    /** The configured origins; entries may hold several, comma-separated (from CORS_ORIGINS). */
    public java.util.List<String> getCorsOrigins() {
        return corsOrigins.stream()
                .flatMap(o -> java.util.Arrays.stream(o.split(",")))
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .toList();
    }

    public boolean isCorsAllowCredentials() {
        return corsAllowCredentials;
    }

    public boolean isRateLimitEnabled() {
        return rateLimitEnabled;
    }

    public Map<org.jobpricing.server.auth.Role, Integer> getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public int getAnonymousRateLimitPerMinute() {
        return anonymousRateLimitPerMinute;
    }
}
