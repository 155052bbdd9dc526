package org.jobpricing.server.api;

import java.time.Instant;

/** An account as the API shows it: never the password hash. */
public record UserView(
        String id,
        String username,
        String email,
        String role,
        boolean active,
        boolean emailVerified,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt) {}
