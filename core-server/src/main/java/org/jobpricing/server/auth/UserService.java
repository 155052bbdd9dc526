package org.jobpricing.server.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jobpricing.server.api.AuthRequests;
import org.jobpricing.server.api.UserView;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.EmailVerificationDao;
import org.jobpricing.server.db.UserDao;
import org.jobpricing.server.db.UserLookup;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.failures.NotPermittedException;
import org.jobpricing.server.failures.StateConflictException;

/** Accounts: creation (by admins or self-registration), changes, deletion, e-mail verification. */
public final class UserService {

    private final UserDao users;
    private final UserLookup lookup;
    private final EmailVerificationDao verifications;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final EmailSender email;
    private final AuditLog audit;
    private final Duration verificationTtl;
    private final Clock clock;
    private final AccountCache accounts;

    public UserService(
            UserDao users,
            UserLookup lookup,
            EmailVerificationDao verifications,
            PasswordHasher hasher,
            PasswordPolicy policy,
            EmailSender email,
            AuditLog audit,
            Duration verificationTtl,
            Clock clock,
            AccountCache accounts) {
        this.users = users;
        this.lookup = lookup;
        this.verifications = verifications;
        this.hasher = hasher;
        this.policy = policy;
        this.email = email;
        this.audit = audit;
        this.verificationTtl = verificationTtl;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Creates an account; {@code actor} is the admin, or the new user for self-registration. */
    public UserView create(
            AuthRequests.NewUser request, Role role, boolean mustChangePassword, String actor, AuditLog.Origin origin) {
        policy.check("password", request.password(), request.username(), request.email());
        Timestamp now = Timestamp.from(clock.instant());
        UserDao.UserRow row = new UserDao.UserRow(
                UUID.randomUUID().toString(),
                request.username().strip(),
                request.email().strip().toLowerCase(Locale.ROOT),
                hasher.hash(request.password()),
                role.name(),
                true,
                false,
                mustChangePassword,
                now,
                now);
        boolean clash = users.findByLogin(row.username()).isPresent()
                || users.findByLogin(row.email()).isPresent();
        if (clash) {
            throw new StateConflictException(
                    "USER_EXISTS",
                    "that username or e-mail address is taken",
                    List.of(new FieldError("username", "or email is taken")));
        }
        try {
            users.insert(row);
        } catch (UnableToExecuteStatementException e) {
            throw new StateConflictException(
                    "USER_EXISTS",
                    "that username or e-mail address is taken",
                    List.of(new FieldError("username", "or email is taken")));
        }
        audit.success(actor, "user.create", "user:" + row.id(), origin, "username=" + row.username() + " role=" + role);
        sendVerification(row);
        return view(row);
    }

    public List<UserView> list(int limit, int offset) {
        return users.list(limit, offset).stream().map(UserService::view).toList();
    }

    public UserView get(String id) {
        return view(find(id));
    }

    /**
     * The signed-in caller's own account, through the account cache: the authenticator has just read it, so
     * {@code /auth/me} costs no second database read. Every change of an account moves it out of the cache.
     */
    public UserView signedIn(String id) {
        return view(accounts.byId(id).orElseThrow(() -> new EntityNotFoundException("user", "id", id)));
    }

    /** Changes role and/or active flag; the last active admin cannot be demoted or deactivated. */
    public UserView update(String id, AuthRequests.UpdateUser change, UserPrincipal actor, AuditLog.Origin origin) {
        UserDao.UserRow user = find(id);
        String role = change.role() == null ? user.role() : change.role();
        boolean active = change.active() == null ? user.active() : change.active();
        if (change.role() != null
                && !change.role().equals(user.role())
                && !actor.role().grants(Permissions.ROLES_ASSIGN)) {
            throw new NotPermittedException(
                    "FORBIDDEN",
                    "changing a role needs roles:assign",
                    List.of(new FieldError("role", "can only be changed with the permission roles:assign")));
        }
        if (isActiveAdmin(user) && (!role.equals(Role.ADMIN.name()) || !active)) {
            requireAnotherAdmin(user);
        }
        users.update(id, role, active, Timestamp.from(clock.instant()));
        accounts.forget(id);
        audit.success(
                actor.username(),
                "user.update",
                "user:" + id,
                origin,
                "role " + user.role() + " -> " + role + ", active " + user.active() + " -> " + active);
        return get(id);
    }

    public void delete(String id, UserPrincipal actor, AuditLog.Origin origin) {
        UserDao.UserRow user = find(id);
        if (isActiveAdmin(user)) {
            requireAnotherAdmin(user);
        }
        users.delete(id);
        accounts.forget(id);
        audit.success(actor.username(), "user.delete", "user:" + id, origin, "username=" + user.username());
    }

    /** Marks the e-mail verified; the token works once and only before it expires. */
    public void verifyEmail(String token, AuditLog.Origin origin) {
        String userId = verifications
                .verify(Tokens.hash(token), clock.instant())
                .orElseThrow(() -> new InvalidInputException(
                        "INVALID_TOKEN",
                        "the verification token is invalid, used or expired",
                        List.of(new FieldError("token", "is invalid, used or expired"))));
        accounts.forget(userId);
        audit.success(userId, "user.email.verify", "user:" + userId, origin, null);
    }

    private void sendVerification(UserDao.UserRow user) {
        String token = Tokens.random();
        Instant expires = clock.instant().plus(verificationTtl);
        verifications.insert(Tokens.hash(token), user.id(), Timestamp.from(expires));
        email.send(
                user.email(),
                "Verify your e-mail address",
                "POST /api/v1/auth/verify-email with {\"token\": \"" + token + "\"} before " + expires + ".");
    }

    private UserDao.UserRow find(String id) {
        return lookup.byId(id).orElseThrow(() -> new EntityNotFoundException("user", "id", id));
    }

    private static boolean isActiveAdmin(UserDao.UserRow user) {
        return user.active() && user.role().equals(Role.ADMIN.name());
    }

    private void requireAnotherAdmin(UserDao.UserRow user) {
        if (users.otherActiveAdmins(user.id()) == 0) {
            throw new StateConflictException(
                    "LAST_ADMIN",
                    "the last active admin cannot be removed, demoted or deactivated",
                    List.of(new FieldError("id", "is the last active admin")));
        }
    }

    static UserView view(UserDao.UserRow u) {
        return new UserView(
                u.id(),
                u.username(),
                u.email(),
                u.role(),
                u.active(),
                u.emailVerified(),
                u.mustChangePassword(),
                u.createdAt().toInstant(),
                u.updatedAt().toInstant());
    }
}
