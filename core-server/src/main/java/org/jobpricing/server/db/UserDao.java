package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** User accounts. */
@RegisterConstructorMapper(UserDao.UserRow.class)
public interface UserDao {

    /** One account row. */
    record UserRow(
            String id,
            String username,
            String email,
            String passwordHash,
            String role,
            boolean active,
            boolean emailVerified,
            boolean mustChangePassword,
            Timestamp createdAt,
            Timestamp updatedAt) {}

    String COLUMNS = "id, username, email, password_hash, role, active, email_verified, must_change_password, "
            + "created_at, updated_at";

    @SqlUpdate("INSERT INTO app_user (" + COLUMNS + ") VALUES (:id, :username, :email, :passwordHash, :role, :active, "
            + ":emailVerified, :mustChangePassword, :createdAt, :updatedAt)")
    void insert(@BindMethods UserRow row);

    // by id: UserLookup (the query every signed-in request makes)

    @SqlQuery("SELECT " + COLUMNS
            + " FROM app_user WHERE LOWER(username) = LOWER(:login) OR LOWER(email) = LOWER(:login)")
    Optional<UserRow> findByLogin(@Bind("login") String login);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY username LIMIT :limit OFFSET :offset")
    List<UserRow> list(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM app_user")
    long count();

    /** Active admins other than {@code id}: the last one must stay. */
    @SqlQuery("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND active AND id <> :id")
    long otherActiveAdmins(@Bind("id") String id);

    /** Changes role and status; every server drops its cached principals (the account version moves). */
    @Transaction
    default int update(String id, String role, boolean active, Timestamp now) {
        int changed = updateRow(id, role, active, now);
        bumpAccountVersion();
        return changed;
    }

    @SqlUpdate("UPDATE app_user SET role = :role, active = :active, updated_at = :now WHERE id = :id")
    int updateRow(
            @Bind("id") String id,
            @Bind("role") String role,
            @Bind("active") boolean active,
            @Bind("now") Timestamp now);

    /** Sets a new password (and clears must-change); the account version moves. */
    @Transaction
    default int setPassword(String id, String hash, Timestamp now) {
        int changed = setPasswordRow(id, hash, now);
        bumpAccountVersion();
        return changed;
    }

    /** A changed password and the revocation of every refresh token of the account commit together. */
    @Transaction
    default void changePassword(String id, String hash, Timestamp now) {
        setPassword(id, hash, now);
        refreshTokens().revokeUserExcept(id, "", now);
    }

    @CreateSqlObject
    RefreshTokenDao refreshTokens();

    @SqlUpdate(
            "UPDATE app_user SET password_hash = :hash, must_change_password = FALSE, updated_at = :now WHERE id = :id")
    int setPasswordRow(@Bind("id") String id, @Bind("hash") String hash, @Bind("now") Timestamp now);

    /** Marks the e-mail verified; the account version moves (signed-in accounts are served from memory). */
    @Transaction
    default int markEmailVerified(String id, Timestamp now) {
        int changed = markEmailVerifiedRow(id, now);
        bumpAccountVersion();
        return changed;
    }

    @SqlUpdate("UPDATE app_user SET email_verified = TRUE, updated_at = :now WHERE id = :id")
    int markEmailVerifiedRow(@Bind("id") String id, @Bind("now") Timestamp now);

    /** Deletes the account; the account version moves. */
    @Transaction
    default int delete(String id) {
        int deleted = deleteRow(id);
        bumpAccountVersion();
        return deleted;
    }

    @SqlUpdate("DELETE FROM app_user WHERE id = :id")
    int deleteRow(@Bind("id") String id);

    @SqlUpdate("UPDATE account_version SET version = version + 1 WHERE id = 1")
    void bumpAccountVersion();

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM account_version WHERE id = 1")
    long accountVersion();
}
