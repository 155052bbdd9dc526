package org.jobpricing.server.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jobpricing.server.api.TokenResponse;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.RefreshTokenDao;
import org.jobpricing.server.db.UserDao;
import org.jobpricing.server.db.UserLookup;
import org.jobpricing.server.failures.AccountLockedException;
import org.jobpricing.server.failures.AuthenticationFailedException;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;

/**
 * Login, refresh-token rotation with reuse detection, logout and password change. Every outcome is
 * audited; no password or token is ever logged or audited.
 */
public final class AuthService {

    private final UserDao users;
    private final UserLookup lookup;
    private final RefreshTokenDao refreshTokens;
    private final JwtService jwt;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Duration refreshTtl;
    private final Clock clock;
    private final AccountCache accounts;

    public AuthService(
            UserDao users,
            UserLookup lookup,
            RefreshTokenDao refreshTokens,
            JwtService jwt,
            PasswordHasher hasher,
            PasswordPolicy policy,
            LoginThrottle throttle,
            AuditLog audit,
            Duration refreshTtl,
            Clock clock,
            AccountCache accounts) {
        this.users = users;
        this.lookup = lookup;
        this.refreshTokens = refreshTokens;
        this.jwt = jwt;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.audit = audit;
        this.refreshTtl = refreshTtl;
        this.clock = clock;
        this.accounts = accounts;
    }

    /**
     * Same answer, and about the same time, whether the account is missing, inactive or the password wrong.
     * {@code field} is the request field the login name came in ({@code username} or {@code email}).
     */
    public TokenResponse login(String field, String login, String password, AuditLog.Origin origin) {
        if (login == null || login.isBlank()) {
            throw new InvalidInputException(
                    "INVALID_REQUEST",
                    "username or email is required",
                    List.of(new FieldError("username", "is required")));
        }
        // no account name is longer (usernames have at most 50 characters, addresses 254), so refusing one
        // says nothing about which accounts exist; it never reaches the throttle or the audit trail, whose
        // columns hold 254 characters, nor counts as a failed attempt
        if (login.length() > LoginThrottle.MAX_KEY || LoginThrottle.key(login).length() > LoginThrottle.MAX_KEY) {
            throw new InvalidInputException(
                    "INVALID_REQUEST",
                    field + " is longer than any account name",
                    List.of(new FieldError(field, "must be at most " + LoginThrottle.MAX_KEY + " characters")));
        }
        requireFits("password", password);
        Optional<UserDao.UserRow> user = users.findByLogin(login.strip());
        // an account is locked whichever of its names (username or e-mail) the failures were typed with
        String throttled = user.map(u -> LoginThrottle.account(u.id())).orElse(login);
        Optional<Duration> locked = throttle.lockedFor(throttled);
        if (locked.isPresent()) {
            audit.failure(login, "auth.login", "user:" + login, origin, "locked");
            throw locked(locked.get());
        }
        boolean valid;
        if (user.isPresent()) {
            valid = hasher.verify(password, user.get().passwordHash())
                    && user.get().active();
        } else {
            hasher.verifyNothing(password);
            valid = false;
        }
        if (!valid) {
            boolean nowLocked = throttle.failed(throttled);
            audit.failure(login, "auth.login", "user:" + login, origin, "bad credentials");
            if (nowLocked) {
                audit.record(login, "auth.lockout", "user:" + login, "SUCCESS", origin, "too many failed logins");
            }
            throw new AuthenticationFailedException(
                    "INVALID_CREDENTIALS",
                    "the username or password is wrong",
                    List.of(
                            new FieldError(field, "or password is wrong"),
                            new FieldError("password", "or " + field + " is wrong")));
        }
        throttle.succeeded(throttled);
        UserDao.UserRow u = user.get();
        audit.success(u.username(), "auth.login", "user:" + u.id(), origin, null);
        return tokens(u, UUID.randomUUID().toString());
    }

    /** Rotates a refresh token; a token used twice revokes its whole family. */
    public TokenResponse refresh(String refreshToken, AuditLog.Origin origin) {
        String hash = Tokens.hash(refreshToken);
        Instant now = clock.instant();
        RefreshTokenDao.TokenRow row = refreshTokens.find(hash).orElseThrow(AuthService::invalidRefresh);
        if (row.revokedAt() != null || row.expiresAt().toInstant().isBefore(now)) {
            audit.failure(row.userId(), "auth.refresh", "user:" + row.userId(), origin, "revoked or expired token");
            throw invalidRefresh();
        }
        if (refreshTokens.rotate(hash, Timestamp.from(now)) == 0) {
            refreshTokens.revokeFamily(row.familyId(), Timestamp.from(now));
            audit.record(
                    row.userId(),
                    "auth.refresh.reuse",
                    "user:" + row.userId(),
                    "FAILURE",
                    origin,
                    "a rotated refresh token was presented again; its token family is revoked");
            throw invalidRefresh();
        }
        UserDao.UserRow user =
                lookup.byId(row.userId()).filter(UserDao.UserRow::active).orElseThrow(AuthService::invalidRefresh);
        audit.success(user.username(), "auth.refresh", "user:" + user.id(), origin, null);
        return tokens(user, row.familyId());
    }

    /** Revokes the token's family; unknown tokens are ignored so logout never fails. */
    public void logout(String refreshToken, AuditLog.Origin origin) {
        Instant now = clock.instant();
        refreshTokens.find(Tokens.hash(refreshToken)).ifPresent(row -> {
            refreshTokens.revokeFamily(row.familyId(), Timestamp.from(now));
            audit.success(row.userId(), "auth.logout", "user:" + row.userId(), origin, null);
        });
    }

    /** Changes the signed-in user's password and revokes their refresh tokens. */
    public void changePassword(UserPrincipal principal, String current, String next, AuditLog.Origin origin) {
        requireFits("currentPassword", current);
        requireFits("newPassword", next);
        UserDao.UserRow user = lookup.byId(principal.id()).orElseThrow(() -> new EntityNotFoundException("user"));
        if (!hasher.verify(current, user.passwordHash())) {
            audit.failure(
                    user.username(), "auth.password.change", "user:" + user.id(), origin, "wrong current password");
            throw new InvalidInputException(
                    "INVALID_PASSWORD",
                    "currentPassword is wrong",
                    List.of(new FieldError("currentPassword", "is wrong")));
        }
        policy.check("newPassword", next, user.username(), user.email());
        if (hasher.verify(next, user.passwordHash())) {
            throw new InvalidInputException(
                    "WEAK_PASSWORD",
                    "newPassword must differ from the current password",
                    List.of(new FieldError("newPassword", "must differ from the current password")));
        }
        Timestamp now = Timestamp.from(clock.instant());
        String hash = hasher.hash(next);
        users.changePassword(user.id(), hash, now);
        accounts.forget(user.id());
        audit.success(user.username(), "auth.password.change", "user:" + user.id(), origin, null);
    }

    private TokenResponse tokens(UserDao.UserRow user, String familyId) {
        String refresh = Tokens.random();
        Instant now = clock.instant();
        RefreshTokenDao.TokenRow row = new RefreshTokenDao.TokenRow(
                Tokens.hash(refresh),
                user.id(),
                familyId,
                Timestamp.from(now),
                Timestamp.from(now.plus(refreshTtl)),
                null,
                null);
        refreshTokens.insert(row);
        return new TokenResponse(
                jwt.issue(user.id(), Role.valueOf(user.role())),
                "Bearer",
                jwt.ttl().toSeconds(),
                refresh,
                user.mustChangePassword());
    }

    /** A password bcrypt would not read whole can match no stored hash and must never be cut short: a 400. */
    private static void requireFits(String field, String password) {
        if (password != null && !PasswordHasher.fits(password)) {
            throw new InvalidInputException(
                    "INVALID_REQUEST",
                    field + " is too long",
                    List.of(new FieldError(field, PasswordHasher.tooLong())));
        }
    }

    private static DomainException invalidRefresh() {
        return new AuthenticationFailedException(
                "INVALID_REFRESH_TOKEN",
                "the refresh token is invalid, expired or revoked",
                List.of(new FieldError("refresh_token", "is invalid, expired or revoked")));
    }

    private static DomainException locked(Duration remaining) {
        return new AccountLockedException("too many failed logins; try again later", remaining);
    }
}
