package org.jobpricing.server.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.UserDao;
import org.jobpricing.server.failures.StartupRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start (no users at all) creates the admin: from ADMIN_EMAIL / ADMIN_PASSWORD when
 * set, else with a random one-time password, printed once, that must be changed at first login.
 */
public final class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private FirstAdmin() {}

    public static void ensure(
            UserDao users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AuditLog audit,
            Clock clock,
            String email,
            String password) {
        if (users.count() > 0) {
            return;
        }
        boolean given = email != null && !email.isBlank() && password != null && !password.isBlank();
        String address = given ? email.strip().toLowerCase(java.util.Locale.ROOT) : "admin@localhost";
        String username = "admin";
        String secret = given ? password : Tokens.password(20);
        if (given) {
            policy.violation(secret, username, address).ifPresent(rule -> {
                throw new StartupRefused("ADMIN_PASSWORD " + rule);
            });
        }
        Timestamp now = Timestamp.from(clock.instant());
        UserDao.UserRow admin = new UserDao.UserRow(
                UUID.randomUUID().toString(),
                username,
                address,
                hasher.hash(secret),
                Role.ADMIN.name(),
                true,
                given,
                !given,
                now,
                now);
        users.insert(admin);
        audit.success(
                "system",
                "user.create",
                "user:" + admin.id(),
                AuditLog.Origin.INTERNAL,
                "first admin, " + (given ? "from ADMIN_EMAIL" : "with a one-time password"));
        if (given) {
            LOG.info("first start: created admin '{}' <{}> from ADMIN_EMAIL and ADMIN_PASSWORD", username, address);
        } else {
            LOG.warn(
                    "first start: created admin '{}' with the one-time password {} - it must be changed at first "
                            + "login (PUT /api/v1/auth/me/password); this is the only time it is shown",
                    username,
                    secret);
        }
    }
}
