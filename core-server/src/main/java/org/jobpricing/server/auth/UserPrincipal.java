package org.jobpricing.server.auth;

import java.security.Principal;

/** The authenticated caller of a request. */
public record UserPrincipal(String id, String username, Role role, boolean mustChangePassword) implements Principal {

    @Override
    public String getName() {
        return username;
    }
}
