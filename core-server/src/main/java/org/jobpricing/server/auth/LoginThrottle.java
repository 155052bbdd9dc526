package org.jobpricing.server.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jobpricing.server.db.LoginThrottleDao;

/**
 * Locks a login after too many failures in a window: an existing account by its id (so its username and
 * e-mail share one counter), any other name as typed, so a lockout says nothing about which accounts
 * exist.
 */
public final class LoginThrottle {

    private final LoginThrottleDao counters;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    public LoginThrottle(LoginThrottleDao counters, Clock clock, int maxFailures, Duration window, Duration lockout) {
        this.counters = counters;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** The longest key the throttle stores (the width of its column). */
    public static final int MAX_KEY = 254;

    /** The throttle name of an existing account, whichever name it was typed with. */
    static String account(String userId) {
        return "account:" + userId;
    }

    static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /** How long the name stays locked, when it is. */
    public Optional<Duration> lockedFor(String login) {
        Instant now = clock.instant();
        return counters.find(key(login))
                .map(LoginThrottleDao.ThrottleRow::lockedUntil)
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure; true when this failure locked the name. */
    public synchronized boolean failed(String login) {
        Instant now = clock.instant();
        String key = key(login);
        return counters.countFailure(key, row -> next(key, row, now)).lockedUntil() != null;
    }

    /** The counter after one more failure at {@code now}; locking a stored counter resets it for after the lock. */
    private LoginThrottleDao.ThrottleRow next(String key, Optional<LoginThrottleDao.ThrottleRow> row, Instant now) {
        boolean fresh = row.isEmpty()
                || row.get().windowStart().toInstant().plus(window).isBefore(now);
        int failures = fresh ? 1 : row.get().failures() + 1;
        Instant windowStart = fresh ? now : row.get().windowStart().toInstant();
        Timestamp lockedUntil = failures >= maxFailures ? Timestamp.from(now.plus(lockout)) : null;
        if (row.isEmpty()) {
            return new LoginThrottleDao.ThrottleRow(key, failures, Timestamp.from(windowStart), lockedUntil);
        }
        return new LoginThrottleDao.ThrottleRow(
                key,
                lockedUntil != null ? 0 : failures,
                Timestamp.from(lockedUntil != null ? now : windowStart),
                lockedUntil);
    }

    public void succeeded(String login) {
        counters.clear(key(login));
    }
}
