package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.cli.backup.TableChecksums.Summary;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, verify-backup and restore end to end on a migrated database of each kind. */
abstract class BackupRoundTripContract {

    abstract TestDatabases.Db database();

    /** The password put in the configuration (never to be printed). */
    String password(TestDatabases.Db db) {
        return db.password();
    }

    @TempDir
    Path dir;

    TestDatabases.Db db;
    Jdbi jdbi;
    JobPricingConfiguration config;
    Path file;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @BeforeEach
    void migrateAndFill() {
        db = database();
        jdbi = Jdbi.create(db.url(), db.user(), db.password()).installPlugin(new SqlObjectPlugin());
        Migrator.migrate(jdbi);
        jdbi.useHandle(h -> {
            h.execute(observation("survey-a", "IC3", "120000.0", "'import'"));
            h.execute(observation("survey-b", "IC4", "150000.25", "'it''s \"quoted\"'"));
            h.execute("INSERT INTO quote (id, created_at, occupation_code, level, country, ruleset_version, "
                    + "request_json, response_json) VALUES ('q-1', TIMESTAMP '2026-01-02 09:30:00', '15-1252', 'IC3', "
                    + "'US', 'v1', '{\"occupationCode\":\"15-1252\"}', '{\"base\":120000, \"note\":\"é ü ✓\"}')");
            h.execute("INSERT INTO app_user (id, username, email, password_hash, role, active, email_verified, "
                    + "must_change_password, created_at, updated_at) VALUES ('u-1', 'ana', 'ana@example.com', "
                    + "'$2a$04$hash', 'ADMIN', TRUE, FALSE, TRUE, TIMESTAMP '2026-01-01 08:00:00', "
                    + "TIMESTAMP '2026-01-01 08:00:00')");
        });
        config = new JobPricingConfiguration();
        config.getDatabase().setDriverClass(db.driver());
        config.getDatabase().setUrl(db.url());
        config.getDatabase().setUser(db.user());
        config.getDatabase().setPassword(password(db));
        file = dir.resolve("backups").resolve("nightly.dump");
    }

    static String observation(String source, String level, String p50, String origin) {
        return "INSERT INTO market_observation (source_id, source_type, occupation_code, level, country, area, "
                + "currency, period, effective_date, p10, p25, p50, p75, p90, sample_size, org_count, origin, loaded_at) "
                + "VALUES ('" + source + "', 'SURVEY', '15-1252', '" + level + "', 'US', 'US-NYC', 'USD', 'ANNUAL', "
                + "DATE '2025-07-01', 90000.5, NULL, " + p50 + ", NULL, NULL, 120, NULL, " + origin + ", "
                + "TIMESTAMP '2026-01-01 10:00:00')";
    }

    @Test
    void backupVerifiesThenReportsAChangedRowWhichRestoreBringsBack() throws Exception {
        String printed = run(new BackupCommand(out), false);
        assertThat(file).isRegularFile();
        long size = Files.size(file);
        assertThat(size).isGreaterThan(100);
        assertThat(printed).contains("backed up ").contains(file.toString()).contains(size + " bytes");
        assertThat(Files.list(file.getParent()).toList()).containsExactly(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        String verified = run(new VerifyBackupCommand(out), false);
        SortedMap<String, Summary> live = liveTables();
        assertThat(live)
                .containsKeys("market_observation", "quote", "app_user", "databasechangelog")
                .doesNotContainKey("databasechangeloglock");
        assertThat(live.get("market_observation").rows()).isEqualTo(2);
        assertThat(live.get("quote").rows()).isEqualTo(1);
        assertThat(live.get("app_user").rows()).isEqualTo(1);
        for (Map.Entry<String, Summary> table : live.entrySet()) {
            assertThat(verified).containsPattern(sameLine(table.getKey(), table.getValue()));
        }
        assertThat(verified)
                .doesNotContainIgnoringCase("databasechangeloglock")
                .contains("OK: all " + live.size() + " tables of " + file);

        jdbi.useHandle(h -> h.execute("UPDATE market_observation SET p50 = 130000.0 WHERE source_id = 'survey-a'"));
        assertThatThrownBy(() -> run(new VerifyBackupCommand(out), false))
                .isInstanceOf(BackupException.class)
                .hasMessage("1 of " + live.size() + " tables differ between "
                        + Backups.of(settings()).describe() + " and " + file + ": market_observation");
        String afterChange = output.toString(StandardCharsets.UTF_8);
        assertThat(afterChange)
                .containsPattern(Pattern.compile(
                        "(?m)^market_observation\\s+2\\s+2\\s+(\\w{12})\\s+(?!\\1)\\w{12}\\s+DIFFERENT$"));
        assertThat(afterChange)
                .containsPattern(sameLine("quote", live.get("quote")))
                .containsPattern(sameLine("app_user", live.get("app_user")));

        assertThatThrownBy(() -> run(new RestoreCommand(out), false))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("run it again with --yes to confirm");
        assertThat(p50("survey-a")).isEqualTo(130000.0);

        String restored = run(new RestoreCommand(out), true);
        assertThat(restored).contains("restored " + file);
        assertThat(p50("survey-a")).isEqualTo(120000.0);
        assertThat(p50("survey-b")).isEqualTo(150000.25);
        assertThat(texts("SELECT origin FROM market_observation WHERE source_id = 'survey-b'"))
                .containsExactly("it's \"quoted\"");
        assertThat(texts("SELECT response_json FROM quote WHERE id = 'q-1'"))
                .containsExactly("{\"base\":120000, \"note\":\"é ü ✓\"}");
        assertThat(liveTables()).isEqualTo(live);
        assertThat(run(new VerifyBackupCommand(out), false)).contains("OK: all " + live.size() + " tables");
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain(secret());
    }

    @Test
    void rowsAddedAfterTheBackupShowAsACountDifferenceAndRestoreRemovesThem() throws Exception {
        run(new BackupCommand(out), false);
        jdbi.useHandle(h -> h.execute("INSERT INTO quote (id, created_at, occupation_code, level, country, "
                + "ruleset_version, request_json, response_json) VALUES ('q-2', TIMESTAMP '2026-01-03 09:30:00', "
                + "'15-1252', 'IC4', 'US', 'v1', '{}', '{}')"));

        assertThatThrownBy(() -> run(new VerifyBackupCommand(out), false))
                .isInstanceOf(BackupException.class)
                .hasMessageEndingWith(": quote");
        assertThat(output.toString(StandardCharsets.UTF_8))
                .containsPattern(Pattern.compile("(?m)^quote\\s+2\\s+1\\s+\\w{12}\\s+\\w{12}\\s+DIFFERENT$"));

        run(new RestoreCommand(out), true);
        assertThat(texts("SELECT id FROM quote")).containsExactly("q-1");
    }

    @Test
    void theScratchDatabaseIsGoneAfterVerification() throws Exception {
        run(new BackupCommand(out), false);
        String verified = run(new VerifyBackupCommand(out), false);
        assertThat(scratchExists(verified)).isFalse();
    }

    /** Whether the scratch database named in verify-backup's output still exists. */
    abstract boolean scratchExists(String verifyOutput) throws Exception;

    String secret() {
        return password(db).isEmpty() ? "\u0000no password\u0000" : password(db);
    }

    String run(BackupFileCommand command, boolean yes) throws Exception {
        output.reset();
        command.run(config, new Namespace(Map.of(BackupFileCommand.FILE, file.toString(), RestoreCommand.YES, yes)));
        return output.toString(StandardCharsets.UTF_8);
    }

    DatabaseSettings settings() {
        return DatabaseSettings.of(config.getDatabase());
    }

    SortedMap<String, Summary> liveTables() throws Exception {
        try (var connection = settings().connect()) {
            return TableChecksums.of(connection);
        }
    }

    List<String> texts(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    double p50(String source) {
        return jdbi.withHandle(h -> h.createQuery("SELECT p50 FROM market_observation WHERE source_id = :s")
                .bind("s", source)
                .mapTo(Double.class)
                .one());
    }

    static Pattern sameLine(String table, Summary summary) {
        String checksum = summary.checksum().substring(0, 12);
        return Pattern.compile("(?m)^" + table + "\\s+" + summary.rows() + "\\s+" + summary.rows() + "\\s+" + checksum
                + "\\s+" + checksum + "\\s+same$");
    }
}
