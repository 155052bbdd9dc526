package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Refresh tokens, by SHA-256 hash only. */
@RegisterConstructorMapper(RefreshTokenDao.TokenRow.class)
public interface RefreshTokenDao {

    /** One refresh token. */
    record TokenRow(
            String tokenHash,
            String userId,
            String familyId,
            Timestamp createdAt,
            Timestamp expiresAt,
            Timestamp rotatedAt,
            Timestamp revokedAt) {}

    @SqlUpdate("INSERT INTO refresh_token (token_hash, user_id, family_id, created_at, expires_at) "
            + "VALUES (:tokenHash, :userId, :familyId, :createdAt, :expiresAt)")
    void insert(@BindMethods TokenRow row);

    @SqlQuery("SELECT token_hash, user_id, family_id, created_at, expires_at, rotated_at, revoked_at "
            + "FROM refresh_token WHERE token_hash = :hash")
    Optional<TokenRow> find(@Bind("hash") String hash);

    /** Marks the token used; 0 when it was already used or revoked (a concurrent or replayed refresh). */
    @SqlUpdate("UPDATE refresh_token SET rotated_at = :now WHERE token_hash = :hash AND rotated_at IS NULL "
            + "AND revoked_at IS NULL")
    int rotate(@Bind("hash") String hash, @Bind("now") Timestamp now);

    @SqlUpdate("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
    int revokeFamily(@Bind("family") String family, @Bind("now") Timestamp now);

    @SqlUpdate("UPDATE refresh_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL "
            + "AND family_id <> :keep")
    int revokeUserExcept(@Bind("user") String userId, @Bind("keep") String keepFamily, @Bind("now") Timestamp now);
}
