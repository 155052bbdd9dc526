package org.jobpricing.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.dropwizard.auth.Authenticator;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jobpricing.server.db.UserDao;

/**
 * Bearer token → principal. The role and the active flag come from the database, so a role change or
 * a deactivation takes effect on the next request. A token's signature and claims are checked once and
 * remembered until the token expires (a verified token cannot become unverified before then), so later
 * requests with it skip the parse and HMAC; the user is still read on every request.
 */
public final class JwtAuthenticator implements Authenticator<String, UserPrincipal> {

    private record Verified(String subject, Instant expiresAt) {}

    private final JwtService jwt;
    private final AccountCache users;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    public JwtAuthenticator(JwtService jwt, AccountCache users, Clock clock) {
        this.jwt = jwt;
        this.users = users;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified v, long now) {
                        return Math.max(
                                0,
                                Duration.between(clock.instant(), v.expiresAt()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified v, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, Verified v, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Optional<UserPrincipal> authenticate(String token) {
        Verified v = verified.getIfPresent(token);
        if (v == null || !clock.instant().isBefore(v.expiresAt())) {
            Claims claims;
            try {
                claims = jwt.verify(token);
            } catch (JwtException | IllegalArgumentException e) {
                return Optional.empty();
            }
            if (claims.getExpiration() == null) {
                return Optional.empty();
            }
            v = new Verified(claims.getSubject(), claims.getExpiration().toInstant());
            verified.put(token, v);
        }
        return users.byId(v.subject())
                .filter(UserDao.UserRow::active)
                .map(u -> new UserPrincipal(u.id(), u.username(), Role.valueOf(u.role()), u.mustChangePassword()));
    }
}
