package org.jobpricing.server.cli.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;

/** H2: a gzip SQL script ({@code SCRIPT TO}), restored with {@code DROP ALL OBJECTS} and {@code RUNSCRIPT}. */
final class H2Backups implements Backups {

    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final String FORMAT_NAME = "an H2 backup (a gzip SQL script made by backup on H2)";
    /** URL settings that belong to the live file or process, not to how its SQL reads. */
    private static final Set<String> LIVE_ONLY_SETTINGS = Set.of(
            "IFEXISTS",
            "AUTO_SERVER",
            "AUTO_SERVER_PORT",
            "DB_CLOSE_DELAY",
            "DB_CLOSE_ON_EXIT",
            "FILE_LOCK",
            "ACCESS_MODE_DATA",
            "INIT");

    private final DatabaseSettings database;
    private final String location;
    private final List<String> settings;

    H2Backups(DatabaseSettings database) {
        this.database = database;
        String[] parts = database.url().substring("jdbc:h2:".length()).split(";");
        this.location = parts[0];
        this.settings = new ArrayList<>(List.of(parts).subList(1, parts.length));
        if (location.startsWith("mem:")) {
            throw new BackupException("an in-memory H2 database (jdbc:h2:mem:) lives only inside its process; "
                    + "backups need a file database");
        }
    }

    @Override
    public String describe() {
        return "H2 database " + location;
    }

    @Override
    public Connection connect() throws SQLException {
        boolean ifExistsSet = settings.stream().anyMatch(s -> key(s).equals("IFEXISTS"));
        return open(ifExistsSet ? database : database.withUrl(database.url() + ";IFEXISTS=TRUE"));
    }

    @Override
    public void backup(Path file) throws IOException, SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            BackupFiles.write(file, temp -> statement.execute("SCRIPT TO " + literal(temp) + " COMPRESSION GZIP"));
        }
    }

    @Override
    public void restore(Path file) throws IOException, SQLException {
        // the script must run cleanly into a scratch database before the live one is emptied
        restoreToScratch(file).close();
        try (Connection connection = open(database);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
            try {
                statement.execute("RUNSCRIPT FROM " + literal(file) + " COMPRESSION GZIP");
            } catch (SQLException e) {
                throw new BackupException(
                        "the database was emptied but the script failed part way; fix the cause "
                                + "and run restore again: " + e.getMessage(),
                        e);
            }
        }
    }

    @Override
    public ScratchDatabase restoreToScratch(Path file) throws IOException, SQLException {
        BackupFiles.requireFormat(file, GZIP, FORMAT_NAME);
        Path directory = Files.createTempDirectory("jobpricing-verify");
        Scratch scratch = new Scratch(
                directory,
                database.withUrl("jdbc:h2:" + directory.resolve("scratch").toAbsolutePath() + sqlSettings()));
        try (Connection connection = scratch.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM " + literal(file) + " COMPRESSION GZIP");
        } catch (SQLException | RuntimeException e) {
            scratch.close();
            throw new BackupException("cannot restore " + file + " into a scratch H2 database: " + e.getMessage(), e);
        }
        return scratch;
    }

    /** The live URL's settings that change how SQL is read (MODE, DATABASE_TO_LOWER, ...). */
    private String sqlSettings() {
        StringBuilder kept = new StringBuilder();
        settings.stream()
                .filter(s -> !s.isBlank() && !LIVE_ONLY_SETTINGS.contains(key(s)))
                .forEach(s -> kept.append(';').append(s));
        return kept.toString();
    }

    private Connection open(DatabaseSettings settings) throws SQLException {
        try {
            return settings.connect();
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new BackupException(
                        "the H2 database " + location + " is in use by another process (a running "
                                + "server?): stop it first, or add ;AUTO_SERVER=TRUE to database.url so processes can share it",
                        e);
            }
            if (e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                throw new BackupException(
                        "no H2 database at " + location + " (looked for "
                                + Path.of(location.replaceFirst("^file:", ""))
                                        .toAbsolutePath()
                                        .normalize() + ".mv.db)",
                        e);
            }
            throw e;
        }
    }

    private static String key(String setting) {
        int eq = setting.indexOf('=');
        return (eq < 0 ? setting : setting.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** A file database in its own temporary directory, shut down and deleted on close. */
    private static final class Scratch implements ScratchDatabase {

        private final Path directory;
        private final DatabaseSettings settings;

        Scratch(Path directory, DatabaseSettings settings) {
            this.directory = directory;
            this.settings = settings;
        }

        @Override
        public Connection connect() throws SQLException {
            return settings.connect();
        }

        @Override
        public String describe() {
            return "scratch H2 database in " + directory;
        }

        @Override
        public void close() {
            try (Connection connection =
                            settings.withUrl(settings.url() + ";IFEXISTS=TRUE").connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // nothing was created, or it is already closed: only the files remain to delete
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new BackupException(
                        "could not delete the scratch database in " + directory + ": " + e.getMessage(), e);
            }
        }
    }
}
