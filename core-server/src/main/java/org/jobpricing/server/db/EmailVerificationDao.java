package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** E-mail verification tokens, by SHA-256 hash only. */
@RegisterConstructorMapper(EmailVerificationDao.TokenRow.class)
public interface EmailVerificationDao {

    /** One verification token: whose address it verifies, until when, and when it was used. */
    record TokenRow(String userId, Timestamp expiresAt, Timestamp usedAt) {}

    @SqlUpdate("INSERT INTO email_verification (token_hash, user_id, expires_at) VALUES (:h, :u, :e)")
    void insert(@Bind("h") String tokenHash, @Bind("u") String userId, @Bind("e") Timestamp expiresAt);

    @SqlQuery("SELECT user_id, expires_at, used_at FROM email_verification WHERE token_hash = :h")
    Optional<TokenRow> find(@Bind("h") String tokenHash);

    @SqlUpdate("UPDATE email_verification SET used_at = :now WHERE token_hash = :h")
    int markUsed(@Bind("h") String tokenHash, @Bind("now") Timestamp now);

    @CreateSqlObject
    UserDao users();

    /**
     * Uses the token and marks its account's address verified, in one transaction, so a token works once;
     * the account's id, or empty (nothing written) when the token is unknown, used or expired at {@code now}.
     */
    @Transaction
    default Optional<String> verify(String tokenHash, Instant now) {
        Optional<TokenRow> token = find(tokenHash);
        if (token.isEmpty()
                || token.get().usedAt() != null
                || token.get().expiresAt().toInstant().isBefore(now)) {
            return Optional.empty();
        }
        markUsed(tokenHash, Timestamp.from(now));
        users().markEmailVerified(token.get().userId(), Timestamp.from(now));
        return Optional.of(token.get().userId());
    }
}
