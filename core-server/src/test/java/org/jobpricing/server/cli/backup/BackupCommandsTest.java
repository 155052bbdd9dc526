package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands refuse, and how they say so, on H2. */
class BackupCommandsTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    static JobPricingConfiguration config(String driver, String url) {
        JobPricingConfiguration config = new JobPricingConfiguration();
        config.getDatabase().setDriverClass(driver);
        config.getDatabase().setUrl(url);
        config.getDatabase().setUser("sa");
        config.getDatabase().setPassword("");
        return config;
    }

    static JobPricingConfiguration migratedH2() {
        TestDatabases.Db db = TestDatabases.h2();
        Migrator.migrate(Jdbi.create(db.url(), db.user(), db.password()));
        return config(db.driver(), db.url());
    }

    static Namespace args(Path file, boolean yes) {
        return new Namespace(Map.of(BackupFileCommand.FILE, file.toString(), RestoreCommand.YES, yes));
    }

    static int changeSets(JobPricingConfiguration config) {
        return Jdbi.create(config.getDatabase().getUrl(), "sa", "")
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM databasechangelog")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void restoreWithoutYesRefusesAndSaysWhy() throws Exception {
        JobPricingConfiguration config = migratedH2();
        Path file = dir.resolve("b.sql.gz");
        new BackupCommand(out).run(config, args(file, false));

        assertThatThrownBy(() -> new RestoreCommand(out).run(config, args(file, false)))
                .isInstanceOf(BackupException.class)
                .hasMessage("restore replaces everything in H2 database "
                        + config.getDatabase().getUrl().substring("jdbc:h2:".length()) + " with " + file
                        + "; stop the server, then run it again with --yes to confirm");
    }

    @Test
    void aMissingBackupFileIsNamed() {
        Path missing = dir.resolve("nope.sql.gz");
        JobPricingConfiguration config = migratedH2();

        assertThatThrownBy(() -> new RestoreCommand(out).run(config, args(missing, true)))
                .isInstanceOf(BackupException.class)
                .hasMessage("backup file " + missing + " not found");
        assertThatThrownBy(() -> new VerifyBackupCommand(out).run(config, args(missing, false)))
                .isInstanceOf(BackupException.class)
                .hasMessage("backup file " + missing + " not found");
    }

    @Test
    void aFileOfAnotherKindIsRefusedAndTheLiveDatabaseIsUntouched() throws Exception {
        JobPricingConfiguration config = migratedH2();
        int changeSets = changeSets(config);
        Path dump = dir.resolve("pg.dump");
        Files.writeString(dump, "PGDMP not a script");

        assertThatThrownBy(() -> new RestoreCommand(out).run(config, args(dump, true)))
                .isInstanceOf(BackupException.class)
                .hasMessage(dump + " is not an H2 backup (a gzip SQL script made by backup on H2)");
        assertThat(changeSets(config)).isEqualTo(changeSets).isPositive();
    }

    @Test
    void aBrokenScriptFailsInTheTrialRunBeforeTheLiveDatabaseIsEmptied() throws Exception {
        JobPricingConfiguration config = migratedH2();
        int changeSets = changeSets(config);
        Path broken = dir.resolve("broken.sql.gz");
        try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(broken))) {
            gzip.write("CREATE TABLE t (v INT);\nTHIS IS NOT SQL;\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> new RestoreCommand(out).run(config, args(broken, true)))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("cannot restore " + broken + " into a scratch H2 database: ");
        assertThat(changeSets(config)).isEqualTo(changeSets).isPositive();
    }

    @Test
    void aMissingH2DatabaseIsNotCreatedAndNoFileIsWritten() {
        Path absent = dir.resolve("absent").resolve("db");
        JobPricingConfiguration config = config("org.h2.Driver", "jdbc:h2:" + absent);
        Path file = dir.resolve("out").resolve("b.sql.gz");

        assertThatThrownBy(() -> new BackupCommand(out).run(config, args(file, false)))
                .isInstanceOf(BackupException.class)
                .hasMessage("no H2 database at " + absent + " (looked for " + absent + ".mv.db)");
        assertThat(absent.getParent()).doesNotExist();
        assertThat(file).doesNotExist();
    }

    @Test
    void aBackupIntoADirectoryIsRefused() {
        JobPricingConfiguration config = migratedH2();

        assertThatThrownBy(() -> new BackupCommand(out).run(config, args(dir, false)))
                .isInstanceOf(BackupException.class)
                .hasMessage(dir + " is a directory; give the backup file's name");
    }

    @Test
    void inMemoryAndOtherDatabasesAreRefused() {
        Path file = dir.resolve("b");

        assertThatThrownBy(
                        () -> new BackupCommand(out).run(config("org.h2.Driver", "jdbc:h2:mem:x"), args(file, false)))
                .isInstanceOf(BackupException.class)
                .hasMessage("an in-memory H2 database (jdbc:h2:mem:) lives only inside its process; backups need a "
                        + "file database");
        assertThatThrownBy(() ->
                        new BackupCommand(out).run(config("com.mysql.Driver", "jdbc:mysql://h/db"), args(file, false)))
                .isInstanceOf(BackupException.class)
                .hasMessage("backups support H2 (jdbc:h2:) and PostgreSQL (jdbc:postgresql:) databases, not "
                        + "jdbc:mysql:");
    }

    @Test
    void theSettingsNeverShowThePassword() {
        DatabaseSettings settings = new DatabaseSettings(
                "org.postgresql.Driver",
                "jdbc:postgresql://h/db?password=in-url-secret",
                "u",
                "config-secret",
                Map.of());

        assertThat(settings.toString())
                .doesNotContain("in-url-secret")
                .doesNotContain("config-secret")
                .contains("password=****");
    }

    @Test
    void sizesReadAsBytesAndBinaryUnits() {
        assertThat(BackupFiles.describeSize(812)).isEqualTo("812 bytes");
        assertThat(BackupFiles.describeSize(1_234_567)).isEqualTo("1234567 bytes (1.2 MiB)");
    }
}
