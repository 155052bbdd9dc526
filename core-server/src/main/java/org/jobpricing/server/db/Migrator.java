package org.jobpricing.server.db;

import java.sql.Connection;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;

/** Applies the Liquibase changelog ({@code migrations.xml}) at startup, on H2 and PostgreSQL alike. */
public final class Migrator {

    public static final String CHANGELOG = "migrations.xml";

    private Migrator() {}

    /** Brings the schema up to date; a no-op when it already is. */
    @SuppressWarnings("deprecation")
    public static void migrate(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            Connection connection = handle.getConnection();
            try {
                Database database =
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
                liquibase.update(new Contexts(), new LabelExpression());
                // Liquibase leaves auto-commit off; hand the pooled connection back as it was lent
                if (!connection.getAutoCommit()) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            } catch (LiquibaseException | java.sql.SQLException e) {
                throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
            }
        });
    }
}
