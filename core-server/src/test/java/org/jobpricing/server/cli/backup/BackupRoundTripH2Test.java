package org.jobpricing.server.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

class BackupRoundTripH2Test extends BackupRoundTripContract {

    @Override
    TestDatabases.Db database() {
        return TestDatabases.h2();
    }

    @Override
    boolean scratchExists(String verifyOutput) {
        Matcher m = Pattern.compile("into scratch H2 database in (\\S+) \\(deleted afterwards\\)")
                .matcher(verifyOutput);
        assertThat(m.find()).as(verifyOutput).isTrue();
        return Files.exists(Path.of(m.group(1)));
    }

    @Test
    void theBackupIsAGzipScript() throws Exception {
        run(new BackupCommand(out), false);
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(2)).containsExactly(0x1f, 0x8b);
        }
    }
}
