package org.jobpricing.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the auth and user endpoints. */
public final class AuthRequests {

    private AuthRequests() {}

    /** Login with a username or an e-mail address. */
    public record Login(
            @Size(max = 254) String username,
            @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {}

    /** A refresh token to rotate or revoke. */
    public record Refresh(
            @JsonProperty("refresh_token") @NotBlank @Size(max = 200)
            String refreshToken) {}

    /** A password change of the signed-in user. */
    public record ChangePassword(
            @NotBlank @Size(max = 1024) String currentPassword,
            @NotBlank @Size(max = 1024) String newPassword) {}

    /** Self-registration (when enabled) and admin-created accounts. */
    public record NewUser(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "must be 3-50 letters, digits and . _ -")
            String username,

            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,

            @Pattern(
                    regexp = "ADMIN|HR_MANAGER|HR_ANALYST|VIEWER",
                    message = "must be ADMIN, HR_MANAGER, HR_ANALYST or VIEWER")
            String role) {}

    /** An admin's change to an account. */
    public record UpdateUser(
            @Pattern(
                    regexp = "ADMIN|HR_MANAGER|HR_ANALYST|VIEWER",
                    message = "must be ADMIN, HR_MANAGER, HR_ANALYST or VIEWER")
            String role,

            Boolean active) {}

    /** An e-mail verification token. */
    public record VerifyEmail(@NotBlank @Size(max = 200) String token) {}
}
