package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

class BackupRoundTripPostgresTest extends BackupRoundTripContract {

    @Override
    TestDatabases.Db database() {
        return TestDatabases.postgres();
    }

    /** Trust authentication ignores it, so the commands run while the test checks it is never printed. */
    @Override
    String password(TestDatabases.Db db) {
        return "pw-never-printed-7319";
    }

    @Override
    boolean scratchExists(String verifyOutput) throws Exception {
        Matcher m = Pattern.compile("into scratch database (jobpricing_verify_[0-9a-f]{12}) \\(deleted afterwards\\)")
                .matcher(verifyOutput);
        assertThat(m.find()).as(verifyOutput).isTrue();
        try (Connection c = settings().connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            s.setString(1, m.group(1));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    @Test
    void theBackupIsACustomFormatDump() throws Exception {
        run(new BackupCommand(out), false);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("PGDMP");
        }
    }

    @Test
    void aFailedDumpLeavesNoFileAndSaysWhy() throws Exception {
        config.getDatabase().setUrl(db.url() + "_missing");

        assertThatThrownBy(() -> run(new BackupCommand(out), false))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("pg_dump failed (exit 1): ")
                .hasMessageContaining("does not exist")
                .message()
                .doesNotContain(password(db));
        assertThat(file).doesNotExist();
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void anH2ScriptIsRefusedBeforeAnythingIsDropped() throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0});

        assertThatThrownBy(() -> run(new RestoreCommand(out), true))
                .isInstanceOf(BackupException.class)
                .hasMessage(file + " is not a PostgreSQL custom-format dump (made by backup on PostgreSQL)");
        assertThat(p50("survey-a")).isEqualTo(120000.0);
    }
}
