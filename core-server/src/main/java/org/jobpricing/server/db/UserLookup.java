package org.jobpricing.server.db;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * An account by id: the query every signed-in request makes, and the server's only way to read one
 * by id. A plain handle query rather than {@link UserDao}: an on-demand SqlObject attaches the whole
 * DAO (a handler for each of its methods) on every call, set-up repeated for each request.
 */
public final class UserLookup {

    private static final String BY_ID = "SELECT " + UserDao.COLUMNS + " FROM app_user WHERE id = :id";

    private final Jdbi jdbi;
    private final RowMapper<UserDao.UserRow> rows = ConstructorMapper.of(UserDao.UserRow.class);

    public UserLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<UserDao.UserRow> byId(String id) {
        return jdbi.withHandle(
                h -> h.createQuery(BY_ID).bind("id", id).map(rows).findOne());
    }
}
