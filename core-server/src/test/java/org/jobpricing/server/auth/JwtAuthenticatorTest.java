package org.jobpricing.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.db.UserDao;
import org.jobpricing.server.db.UserLookup;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered only until they expire; the user is read from the database on every request. */
class JwtAuthenticatorTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpiresAndAccountChangesApplyOnceFollowed() {
        MovableClock clock = new MovableClock();
        JwtService jwt = new JwtService(
                Map.of("k1", "a-test-key-of-at-least-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)),
                "issuer",
                "audience",
                Duration.ofMinutes(15),
                clock);
        TestDatabases.Db db = TestDatabases.h2();
        Jdbi jdbi = Jdbi.create(db.url(), db.user(), db.password()).installPlugin(new SqlObjectPlugin());
        Migrator.migrate(jdbi);
        jdbi.useHandle(h -> h.execute("INSERT INTO app_user (id, username, email, password_hash, role, active, "
                + "email_verified, must_change_password, created_at, updated_at) VALUES ('u1', 'ann', 'ann@example.test', "
                + "'hash', 'VIEWER', TRUE, TRUE, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        UserDao users = jdbi.onDemand(UserDao.class);
        AccountCache accounts = new AccountCache(new UserLookup(jdbi), users::accountVersion, Duration.ofMillis(250));
        JwtAuthenticator authenticator = new JwtAuthenticator(jwt, accounts, clock);
        String token = jwt.issue("u1", Role.VIEWER);

        assertThat(authenticator.authenticate(token)).map(UserPrincipal::role).contains(Role.VIEWER);
        // another server changes the role: the account version moves in the same transaction
        users.update("u1", "HR_ANALYST", true, Timestamp.from(clock.now));
        assertThat(authenticator.authenticate(token))
                .as("remembered: no account read until the version is followed")
                .map(UserPrincipal::role)
                .contains(Role.VIEWER);
        accounts.follow();
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(authenticator.authenticate(token))
                .as("the remembered token, the current role")
                .map(UserPrincipal::role)
                .contains(Role.HR_ANALYST);
        users.update("u1", "HR_ANALYST", false, Timestamp.from(clock.now));
        accounts.follow();
        assertThat(authenticator.authenticate(token))
                .as("deactivated: refused once the version is followed")
                .isEmpty();
        users.update("u1", "HR_ANALYST", true, Timestamp.from(clock.now));
        accounts.forget("u1");
        assertThat(authenticator.authenticate(token))
                .as("a change this server made is in force at once")
                .map(UserPrincipal::role)
                .contains(Role.HR_ANALYST);

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(authenticator.authenticate(token))
                .as("expired, though remembered")
                .isEmpty();
        assertThat(authenticator.authenticate(token + "x")).as("tampered").isEmpty();
    }
}
