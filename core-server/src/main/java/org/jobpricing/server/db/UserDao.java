package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

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

    @SqlUpdate("UPDATE app_user SET role = :role, active = :active, updated_at = :now WHERE id = :id")
    int update(
            @Bind("id") String id,
            @Bind("role") String role,
            @Bind("active") boolean active,
            @Bind("now") Timestamp now);

    @SqlUpdate(
            "UPDATE app_user SET password_hash = :hash, must_change_password = FALSE, updated_at = :now WHERE id = :id")
    int setPassword(@Bind("id") String id, @Bind("hash") String hash, @Bind("now") Timestamp now);

    @SqlUpdate("UPDATE app_user SET email_verified = TRUE, updated_at = :now WHERE id = :id")
    int markEmailVerified(@Bind("id") String id, @Bind("now") Timestamp now);

    @SqlUpdate("DELETE FROM app_user WHERE id = :id")
    int delete(@Bind("id") String id);
}
