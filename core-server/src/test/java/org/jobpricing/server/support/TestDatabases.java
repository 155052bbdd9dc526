package org.jobpricing.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fresh databases for tests: an H2 file in a temp folder, or a new database on the real PostgreSQL
 * at 127.0.0.1:5432 (user postgres, trust auth; override with JOBPRICING_TEST_PG_*), dropped at exit.
 */
public final class TestDatabases {

    /** Connection settings of one test database. */
    public record Db(String driver, String url, String user, String password) {}

    private static final String PG_HOST = env("JOBPRICING_TEST_PG_HOST", "127.0.0.1");
    private static final String PG_PORT = env("JOBPRICING_TEST_PG_PORT", "5432");
    private static final String PG_USER = env("JOBPRICING_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("JOBPRICING_TEST_PG_PASSWORD", "");
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll));
    }

    private TestDatabases() {}

    public static Db h2() {
        try {
            Path dir = Files.createTempDirectory("jobpricing-h2");
            return new Db("org.h2.Driver", "jdbc:h2:" + dir.resolve("db").toAbsolutePath(), "sa", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Db postgres() {
        String name = "jobpricing_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(adminUrl(), PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + PG_HOST + ":" + PG_PORT + " is required for tests " + "(.ci/run starts it): "
                            + e.getMessage(),
                    e);
        }
        CREATED.add(name);
        return new Db(
                "org.postgresql.Driver",
                "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name,
                PG_USER,
                PG_PASSWORD);
    }

    private static String adminUrl() {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
    }

    private static void dropAll() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl(), PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases: " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
