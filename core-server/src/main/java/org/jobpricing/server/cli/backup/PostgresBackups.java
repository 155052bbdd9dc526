package org.jobpricing.server.cli.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** PostgreSQL: pg_dump in the custom format, pg_restore, and scratch databases on the same server. */
final class PostgresBackups implements Backups {

    private static final byte[] CUSTOM_FORMAT = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final String FORMAT_NAME = "a PostgreSQL custom-format dump (made by backup on PostgreSQL)";

    private final DatabaseSettings database;
    private final PgUrl url;
    private final PgTool tool;
    private final String user;
    private final String password;

    PostgresBackups(DatabaseSettings database, PgTool tool) {
        this.database = database;
        this.url = PgUrl.parse(database.url(), database.properties());
        this.tool = tool;
        this.user = url.param("user").orElse(database.user());
        this.password = url.param("password").orElse(database.password());
    }

    @Override
    public String describe() {
        return url.describe();
    }

    @Override
    public Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    public void backup(Path file) throws IOException, SQLException {
        BackupFiles.write(
                file,
                temp -> tool.run(
                        "pg_dump", args(url, "--format=custom", "--file=" + temp), url.environment(), password));
    }

    @Override
    public void restore(Path file) throws IOException {
        BackupFiles.requireFormat(file, CUSTOM_FORMAT, FORMAT_NAME);
        tool.run(
                "pg_restore",
                args(
                        url,
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        "--single-transaction",
                        "--exit-on-error",
                        file.toAbsolutePath().toString()),
                url.environment(),
                password);
    }

    @Override
    public ScratchDatabase restoreToScratch(Path file) throws IOException, SQLException {
        BackupFiles.requireFormat(file, CUSTOM_FORMAT, FORMAT_NAME);
        String name = "jobpricing_verify_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createLike(name);
        Scratch scratch = new Scratch(name);
        try {
            tool.run(
                    "pg_restore",
                    args(
                            url.withDatabase(name),
                            "--no-owner",
                            "--no-privileges",
                            "--single-transaction",
                            "--exit-on-error",
                            file.toAbsolutePath().toString()),
                    url.environment(),
                    password);
        } catch (RuntimeException | IOException e) {
            scratch.close();
            throw e;
        }
        return scratch;
    }

    /** Creates an empty database with the live one's encoding and locale, so text restores the same. */
    private void createLike(String name) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            String encoding;
            String collate;
            String ctype;
            try (ResultSet rs = statement.executeQuery("SELECT pg_encoding_to_char(encoding), datcollate, datctype "
                    + "FROM pg_database WHERE datname = current_database()")) {
                rs.next();
                encoding = rs.getString(1);
                collate = rs.getString(2);
                ctype = rs.getString(3);
            }
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING " + literal(encoding)
                    + " LC_COLLATE " + literal(collate) + " LC_CTYPE " + literal(ctype));
        } catch (SQLException e) {
            throw new BackupException(
                    "cannot create the scratch database " + name + " next to " + describe()
                            + " (verify-backup needs the CREATEDB privilege): " + e.getMessage(),
                    e);
        }
    }

    private List<String> args(PgUrl target, String... options) {
        List<String> args = new ArrayList<>(target.connectionArgs(user));
        args.addAll(List.of(options));
        return args;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A database made for one verification and dropped afterwards. */
    private final class Scratch implements ScratchDatabase {

        private final String name;

        Scratch(String name) {
            this.name = name;
        }

        @Override
        public Connection connect() throws SQLException {
            return database.withUrl(url.withDatabase(name).toJdbcUrl()).connect();
        }

        @Override
        public String describe() {
            return "scratch database " + name.toLowerCase(Locale.ROOT);
        }

        @Override
        public void close() {
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                boolean force = connection.getMetaData().getDatabaseMajorVersion() >= 13;
                statement.execute("DROP DATABASE IF EXISTS " + name + (force ? " WITH (FORCE)" : ""));
            } catch (SQLException e) {
                throw new BackupException(
                        "could not drop the scratch database " + name + "; drop it by hand: " + e.getMessage(), e);
            }
        }
    }
}
