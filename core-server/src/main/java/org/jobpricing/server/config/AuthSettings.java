package org.jobpricing.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** Tokens, passwords, lockout and the first admin. */
public class AuthSettings {
    /** Signing secret of access tokens (JWT_SECRET), at least 32 bytes. */
    @JsonProperty
    private String jwtSecret = "";

    @NotBlank
    @JsonProperty
    private String jwtKeyId = "primary";

    /** Retired keys still accepted for verification: kid → secret. */
    @NotNull
    @JsonProperty
    private Map<String, String> previousKeys = new java.util.LinkedHashMap<>();

    @NotBlank
    @JsonProperty
    private String issuer = "job-pricing";

    @NotBlank
    @JsonProperty
    private String audience = "job-pricing-api";

    @NotNull
    @JsonProperty
    private Duration accessTokenTtl = Duration.minutes(15);

    @NotNull
    @JsonProperty
    private Duration refreshTokenTtl = Duration.days(7);

    /** bcrypt cost; 12 or more in production (tests use less to stay fast). */
    @jakarta.validation.constraints.Min(4)
    @jakarta.validation.constraints.Max(16)
    @JsonProperty
    private int bcryptCost = 12;

    @JsonProperty
    private boolean registrationEnabled;

    @JsonProperty
    private String adminEmail = "";

    @JsonProperty
    private String adminPassword = "";

    @jakarta.validation.constraints.Min(1)
    @JsonProperty
    private int maxFailedLogins = 5;

    @NotNull
    @JsonProperty
    private Duration failedLoginWindow = Duration.minutes(15);

    @NotNull
    @JsonProperty
    private Duration lockout = Duration.minutes(15);

    @NotNull
    @JsonProperty
    private Duration emailVerificationTtl = Duration.hours(24);

    public String getJwtSecret() {
        return jwtSecret;
    }

    public String getJwtKeyId() {
        return jwtKeyId;
    }

    public Map<String, String> getPreviousKeys() {
        return previousKeys;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getAudience() {
        return audience;
    }

    public java.time.Duration getAccessTokenTtl() {
        return accessTokenTtl.toJavaDuration();
    }

    public java.time.Duration getRefreshTokenTtl() {
        return refreshTokenTtl.toJavaDuration();
    }

    public int getBcryptCost() {
        return bcryptCost;
    }

    public boolean isRegistrationEnabled() {
        return registrationEnabled;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public int getMaxFailedLogins() {
        return maxFailedLogins;
    }

    public java.time.Duration getFailedLoginWindow() {
        return failedLoginWindow.toJavaDuration();
    }

    public java.time.Duration getLockout() {
        return lockout.toJavaDuration();
    }

    public java.time.Duration getEmailVerificationTtl() {
        return emailVerificationTtl.toJavaDuration();
    }
}
