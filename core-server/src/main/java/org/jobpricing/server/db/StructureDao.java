package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Stored salary structure versions: a few columns to find them by, and the whole version as JSON. */
@RegisterConstructorMapper(StructureDao.Row.class)
public interface StructureDao {

    /** One structure version. */
    record Row(
            String id,
            String name,
            int version,
            String parentId,
            String status,
            String method,
            String currency,
            String rulesetVersion,
            Timestamp createdAt,
            String createdBy,
            Timestamp publishedAt,
            String publishedBy,
            String bodyJson) {}

    String COLUMNS = "id, name, version, parent_id, status, method, currency, ruleset_version, created_at, created_by, "
            + "published_at, published_by, body_json";

    @SqlUpdate("INSERT INTO pay_structure (" + COLUMNS + ") VALUES (:id, :name, :version, :parentId, :status, "
            + ":method, :currency, :rulesetVersion, :createdAt, :createdBy, :publishedAt, :publishedBy, :bodyJson)")
    void insert(@BindMethods Row row);

    @SqlQuery("SELECT " + COLUMNS + " FROM pay_structure WHERE id = :id")
    Optional<Row> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM pay_structure WHERE name = :name AND status = 'PUBLISHED'")
    Optional<Row> published(@Bind("name") String name);

    @SqlQuery("SELECT " + COLUMNS + " FROM pay_structure ORDER BY name, version DESC LIMIT :limit OFFSET :offset")
    List<Row> list(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM pay_structure")
    long count();

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM pay_structure WHERE name = :name")
    int lastVersion(@Bind("name") String name);

    @SqlUpdate("UPDATE pay_structure SET status = :status, published_at = :publishedAt, published_by = :publishedBy, "
            + "body_json = :bodyJson WHERE id = :id")
    int update(@BindMethods Row row);

    /** Makes {@code next} the published version of its name and {@code retired} (if any) a retired one. */
    @Transaction
    default void publish(Row next, Row retired) {
        if (retired != null) {
            update(retired);
        }
        update(next);
    }
}
