package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.SortedMap;
import java.util.UUID;
import org.jobpricing.server.cli.backup.TableChecksums.Summary;
import org.junit.jupiter.api.Test;

/** Checksums on in-memory H2 databases: what they see and what they ignore. */
class TableChecksumsTest {

    static final String TABLE = "CREATE TABLE item (id INT, name VARCHAR(50), amount DECIMAL(10, 2), ratio DOUBLE "
            + "PRECISION, note CLOB, data VARBINARY(10), at TIMESTAMP)";

    static SortedMap<String, Summary> checksums(String... statements) throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            return TableChecksums.of(c);
        }
    }

    @Test
    void equalRowsInAnyOrderGiveTheSameChecksum() throws Exception {
        String a = "INSERT INTO item VALUES (1, 'a', 1.50, 0.1, 'long text', X'0102', TIMESTAMP '2026-01-01 10:00:00')";
        String b = "INSERT INTO item VALUES (2, 'b', NULL, NULL, NULL, NULL, NULL)";

        SortedMap<String, Summary> forward = checksums(TABLE, a, b);
        SortedMap<String, Summary> backward = checksums(TABLE, b, a);

        assertThat(forward).containsOnlyKeys("item");
        assertThat(forward.get("item").rows()).isEqualTo(2);
        assertThat(forward.get("item").checksum()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void anyChangedValueChangesTheChecksum() throws Exception {
        String base = checksums(TABLE, "INSERT INTO item (id, name) VALUES (1, 'a')")
                .get("item")
                .checksum();

        assertThat(checksums(TABLE, "INSERT INTO item (id, name) VALUES (1, 'b')")
                        .get("item")
                        .checksum())
                .isNotEqualTo(base);
        assertThat(checksums(TABLE, "INSERT INTO item (id, name, amount) VALUES (1, 'a', 0.01)")
                        .get("item")
                        .checksum())
                .isNotEqualTo(base);
        assertThat(checksums(TABLE, "INSERT INTO item (id, name, data) VALUES (1, 'a', X'00')")
                        .get("item")
                        .checksum())
                .isNotEqualTo(base);
    }

    @Test
    void nullDiffersFromTheTextNullAndValuesDoNotRunTogether() throws Exception {
        String twoColumns = "CREATE TABLE pair (x VARCHAR(10), y VARCHAR(10))";

        Summary nullValue =
                checksums(twoColumns, "INSERT INTO pair VALUES ('a', NULL)").get("pair");
        Summary nullText =
                checksums(twoColumns, "INSERT INTO pair VALUES ('a', 'null')").get("pair");
        Summary split1 =
                checksums(twoColumns, "INSERT INTO pair VALUES ('ab', 'c')").get("pair");
        Summary split2 =
                checksums(twoColumns, "INSERT INTO pair VALUES ('a', 'bc')").get("pair");
        Summary empty =
                checksums(twoColumns, "INSERT INTO pair VALUES ('a', '')").get("pair");

        assertThat(nullValue.checksum()).isNotEqualTo(nullText.checksum()).isNotEqualTo(empty.checksum());
        assertThat(split1.checksum()).isNotEqualTo(split2.checksum());
    }

    @Test
    void aDuplicatedRowCountsAndChangesTheChecksum() throws Exception {
        String row = "INSERT INTO item (id, name) VALUES (1, 'a')";

        Summary once = checksums(TABLE, row).get("item");
        Summary twice = checksums(TABLE, row, row).get("item");

        assertThat(once.rows()).isEqualTo(1);
        assertThat(twice.rows()).isEqualTo(2);
        assertThat(twice.checksum()).isNotEqualTo(once.checksum());
    }

    @Test
    void emptyTablesWithOtherColumnsDiffer() throws Exception {
        Summary item = checksums(TABLE).get("item");
        Summary renamed =
                checksums(TABLE.replace("name VARCHAR", "title VARCHAR")).get("item");

        assertThat(item.rows()).isZero();
        assertThat(renamed.rows()).isZero();
        assertThat(renamed.checksum()).isNotEqualTo(item.checksum());
    }

    @Test
    void namesAreLowerCaseAndTheLiquibaseLockViewsAndOtherSchemasAreLeftOut() throws Exception {
        SortedMap<String, Summary> tables = checksums(
                TABLE,
                "CREATE TABLE DATABASECHANGELOGLOCK (id INT, locked BOOLEAN)",
                "INSERT INTO DATABASECHANGELOGLOCK VALUES (1, FALSE)",
                "CREATE TABLE \"Mixed_Case\" (v INT)",
                "CREATE VIEW item_view AS SELECT id FROM item",
                "CREATE SCHEMA other",
                "CREATE TABLE other.hidden (v INT)");

        assertThat(tables).containsOnlyKeys("item", "mixed_case");
    }

    @Test
    void theConnectionIsHandedBackAsItCame() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
                Statement s = c.createStatement()) {
            s.execute(TABLE);
            int isolation = c.getTransactionIsolation();

            TableChecksums.of(c);

            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.getTransactionIsolation()).isEqualTo(isolation);
        }
    }
}
