package org.jobpricing.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OAuth2-style token answer. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("password_change_required") boolean passwordChangeRequired) {}
