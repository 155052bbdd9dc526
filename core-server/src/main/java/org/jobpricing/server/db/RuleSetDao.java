package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Stored rule-set versions (never changed once written) and the active-version pointer. */
@RegisterConstructorMapper(RuleSetDao.VersionRow.class)
@RegisterConstructorMapper(RuleSetDao.FileRow.class)
public interface RuleSetDao {

    /** One version's metadata. */
    record VersionRow(
            int version,
            String checksum,
            String author,
            String message,
            Timestamp createdAt,
            Integer parent,
            Timestamp publishedAt) {}

    /** One file of a version. */
    record FileRow(int version, String name, String content) {}

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM ruleset_version")
    int maxVersion();

    @SqlUpdate("INSERT INTO ruleset_version (version, checksum, author, message, created_at, parent) "
            + "VALUES (:version, :checksum, :author, :message, :createdAt, :parent)")
    void insertVersion(@BindMethods VersionRow row);

    @SqlBatch("INSERT INTO ruleset_file (version, name, content) VALUES (:version, :name, :content)")
    void insertFiles(@BindMethods List<FileRow> files);

    @SqlQuery("SELECT version, checksum, author, message, created_at, parent, published_at FROM ruleset_version "
            + "ORDER BY version DESC LIMIT :limit OFFSET :offset")
    List<VersionRow> list(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT version, checksum, author, message, created_at, parent, published_at FROM ruleset_version "
            + "WHERE version = :version")
    Optional<VersionRow> find(@Bind("version") int version);

    @SqlQuery("SELECT version, name, content FROM ruleset_file WHERE version = :version ORDER BY name")
    List<FileRow> files(@Bind("version") int version);

    @SqlUpdate("UPDATE ruleset_version SET published_at = :at WHERE version = :version AND published_at IS NULL")
    int markPublished(@Bind("version") int version, @Bind("at") Timestamp at);

    @SqlQuery("SELECT active_version FROM ruleset_state WHERE id = 1")
    Optional<Integer> activeVersion();

    @SqlUpdate("UPDATE ruleset_state SET active_version = :version, changed_at = :at, changed_by = :by WHERE id = 1")
    int updateActive(@Bind("version") int version, @Bind("at") Timestamp at, @Bind("by") String by);

    @SqlUpdate("INSERT INTO ruleset_state (id, active_version, changed_at, changed_by) VALUES (1, :version, :at, :by)")
    void insertActive(@Bind("version") int version, @Bind("at") Timestamp at, @Bind("by") String by);

    /**
     * Stores a new version numbered after the last one, with its files (name to stored text), in one
     * transaction; its number.
     */
    @Transaction
    default int store(
            String checksum,
            String author,
            String message,
            Timestamp createdAt,
            Integer parent,
            Map<String, String> files) {
        int version = maxVersion() + 1;
        insertVersion(new VersionRow(version, checksum, author, message, createdAt, parent, null));
        insertFiles(files.entrySet().stream()
                .map(f -> new FileRow(version, f.getKey(), f.getValue()))
                .toList());
        return version;
    }

    /** Marks {@code version} published (the first time) and makes it the active one, in one transaction. */
    @Transaction
    default void activate(int version, Timestamp at, String by) {
        markPublished(version, at);
        if (updateActive(version, at, by) == 0) {
            insertActive(version, at, by);
        }
    }
}
