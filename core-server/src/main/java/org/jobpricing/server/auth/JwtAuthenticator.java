package org.jobpricing.server.auth;

import io.dropwizard.auth.Authenticator;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import java.util.Optional;
import org.jobpricing.server.db.UserDao;

/**
 * Bearer token → principal. The role and the active flag come from the database, so a role change or
 * a deactivation takes effect on the next request.
 */
public final class JwtAuthenticator implements Authenticator<String, UserPrincipal> {

    private final JwtService jwt;
    private final UserDao users;

    public JwtAuthenticator(JwtService jwt, UserDao users) {
        this.jwt = jwt;
        this.users = users;
    }

    @Override
    public Optional<UserPrincipal> authenticate(String token) {
        Claims claims;
        try {
            claims = jwt.verify(token);
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return users.findById(claims.getSubject())
                .filter(UserDao.UserRow::active)
                .map(u -> new UserPrincipal(u.id(), u.username(), Role.valueOf(u.role()), u.mustChangePassword()));
    }
}
