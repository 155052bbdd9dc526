package org.jobpricing.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jobpricing.server.db.UserDao;
import org.jobpricing.server.db.UserLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of signed-in callers, remembered between requests so a request costs no database read. Every
 * change of a role, status, password or account bumps the account version in the database (UserDao); each
 * server polls it and forgets every account when it moved, so a deactivation or role change on one server
 * is in force on all of them within one poll. This server forgets a changed account at once.
 */
public final class AccountCache implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(AccountCache.class);

    private final UserLookup users;
    private final LongSupplier version;
    private final Duration poll;
    private final Cache<String, UserDao.UserRow> accounts = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private final Object generation = new Object();
    private volatile long seen;
    private ScheduledExecutorService follower;

    public AccountCache(UserLookup users, LongSupplier version, Duration poll) {
        this.users = users;
        this.version = version;
        this.poll = poll;
        this.seen = version.getAsLong();
    }

    /** The account with this id, from memory when this server has read it since the last change. */
    public Optional<UserDao.UserRow> byId(String id) {
        UserDao.UserRow known = accounts.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        long before = seen;
        Optional<UserDao.UserRow> found = users.byId(id);
        found.ifPresent(row -> {
            synchronized (generation) {
                // a change seen while the row was read may have made it stale: keep it only when none was
                if (seen == before) {
                    accounts.put(id, row);
                }
            }
        });
        return found;
    }

    /** Forgets one account at once (this server changed it). */
    public void forget(String id) {
        accounts.invalidate(id);
    }

    /** Forgets every account when another server changed one. */
    void follow() {
        long now = version.getAsLong();
        if (now != seen) {
            synchronized (generation) {
                accounts.invalidateAll();
                seen = now;
            }
        }
    }

    @Override
    public void start() {
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-cache");
            t.setDaemon(true);
            return t;
        });
        follower.scheduleWithFixedDelay(
                () -> {
                    try {
                        follow();
                    } catch (RuntimeException e) {
                        // the database is away: keep nothing that may be stale
                        accounts.invalidateAll();
                        LOG.warn("cannot read the account version: {}", e.getMessage());
                    }
                },
                poll.toMillis(),
                poll.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (follower != null) {
            follower.shutdownNow();
        }
    }
}
