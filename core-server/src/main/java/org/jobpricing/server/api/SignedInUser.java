package org.jobpricing.server.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in user's own account and the permissions the server grants them now (none while a
 * password change is required), so a client can offer only what the server will allow.
 */
public record SignedInUser(
        String id,
        String username,
        String email,
        String role,
        boolean active,
        boolean emailVerified,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt,
        List<String> permissions) {

    public static SignedInUser of(UserView user, Collection<String> granted) {
        List<String> permissions = user.mustChangePassword()
                ? List.of()
                : granted.stream().sorted().toList();
        return new SignedInUser(
                user.id(),
                user.username(),
                user.email(),
                user.role(),
                user.active(),
                user.emailVerified(),
                user.mustChangePassword(),
                user.createdAt(),
                user.updatedAt(),
                permissions);
    }
}
