package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stored quotes: the request and the full response, as JSON. */
public interface QuoteDao {

    /** One stored quote. */
    record Row(String id, Timestamp createdAt, String occupationCode, String level, String country,
               String rulesetVersion, String requestJson, String responseJson) {
    }

    @SqlUpdate("INSERT INTO quote (id, created_at, occupation_code, level, country, ruleset_version, request_json, "
            + "response_json) VALUES (:id, :createdAt, :occupationCode, :level, :country, :rulesetVersion, "
            + ":requestJson, :responseJson)")
    void insert(@BindMethods Row row);

    /** A stored quote's request and response. */
    record Stored(String id, String requestJson, String responseJson) {
    }

    @SqlQuery("SELECT id, request_json, response_json FROM quote ORDER BY created_at DESC, id LIMIT :limit")
    @RegisterConstructorMapper(Stored.class)
    List<Stored> latest(@Bind("limit") int limit);

    @org.jdbi.v3.sqlobject.statement.SqlBatch("INSERT INTO quote (id, created_at, occupation_code, level, country, "
            + "ruleset_version, request_json, response_json) VALUES (:id, :createdAt, :occupationCode, :level, :country, "
            + ":rulesetVersion, :requestJson, :responseJson)")
    void insertAll(@BindMethods List<Row> rows);

    @SqlQuery("SELECT response_json FROM quote WHERE id = :id")
    Optional<String> findResponse(@Bind("id") String id);
}
