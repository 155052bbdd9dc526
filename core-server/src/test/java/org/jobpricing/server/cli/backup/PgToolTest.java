package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running client programs: the password only in PGPASSWORD, never in a message. */
class PgToolTest {

    @TempDir
    Path dir;

    @Test
    void aMissingProgramSaysWhatToInstall() {
        assertThatThrownBy(() -> PgTool.onPath().run("jobpricing-no-such-pg_dump", List.of(), Map.of(), ""))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("jobpricing-no-such-pg_dump not found on PATH; install postgresql-client");
    }

    @Test
    void thePasswordGoesThroughTheEnvironmentAndIsMaskedInFailures() throws Exception {
        Path seen = dir.resolve("seen");
        String script = "printf '%s' \"$PGPASSWORD\" > '" + seen + "'; echo \"no luck with $PGPASSWORD\" >&2; exit 3";

        assertThatThrownBy(() ->
                        PgTool.onPath().run("sh", List.of("-c", script), Map.of("PGSSLMODE", "require"), "s3cret-pw"))
                .isInstanceOf(BackupException.class)
                .hasMessage("sh failed (exit 3): no luck with ****");
        assertThat(Files.readString(seen)).isEqualTo("s3cret-pw");
    }

    @Test
    void aClientOlderThanTheServerIsToldWhatToInstall() {
        String script = "echo 'pg_dump: error: aborting because of server version mismatch' >&2; exit 1";

        assertThatThrownBy(() -> PgTool.onPath().run("sh", List.of("-c", script), Map.of(), ""))
                .isInstanceOf(BackupException.class)
                .hasMessage("sh failed (exit 1): pg_dump: error: aborting because of server version mismatch "
                        + "(install a postgresql-client of the server's major version or newer)");
    }

    @Test
    void aProgramThatSucceedsReturnsQuietly() throws Exception {
        Path seen = dir.resolve("seen");

        PgTool.onPath()
                .run(
                        "sh",
                        List.of("-c", "printf '%s' \"$PGSSLMODE\" > '" + seen + "'"),
                        Map.of("PGSSLMODE", "verify-full"),
                        "");

        assertThat(Files.readString(seen)).isEqualTo("verify-full");
    }
}
