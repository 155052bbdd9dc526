package org.jobpricing.server.http;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;

/**
 * Resources declare permissions with {@code @RolesAllowed("pricing:create")}; a caller has one when
 * their role grants it. A user who must change their password has only {@link Permissions#SELF}.
 */
public final class PermissionAuthorizer implements Authorizer<UserPrincipal> {

    @Override
    public boolean authorize(UserPrincipal user, String permission, ContainerRequestContext context) {
        if (Permissions.SELF.equals(permission)) {
            return true;
        }
        return !user.mustChangePassword() && user.role().grants(permission);
    }
}
