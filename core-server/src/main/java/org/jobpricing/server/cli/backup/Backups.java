package org.jobpricing.server.cli.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Backup, restore and scratch restore for one database engine, chosen from the JDBC URL. */
public interface Backups {

    /** The strategy for the engine of {@code database.url}: H2 or PostgreSQL. */
    static Backups of(DatabaseSettings database) {
        String url = database.url();
        if (url.startsWith("jdbc:h2:")) {
            return new H2Backups(database);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresBackups(database, PgTool.onPath());
        }
        int end = url.indexOf(':', "jdbc:".length());
        throw new BackupException("backups support H2 (jdbc:h2:) and PostgreSQL (jdbc:postgresql:) databases, not "
                + (url.startsWith("jdbc:") && end > 0 ? url.substring(0, end + 1) : "this database.url"));
    }

    /** The database, for messages (never the password). */
    String describe();

    /** A new connection to the live database (the caller closes it); fails when it does not exist. */
    Connection connect() throws SQLException;

    /** Writes a backup of the live database to {@code file}, through a temporary file renamed into place. */
    void backup(Path file) throws IOException, SQLException;

    /** Replaces the contents of the live database with the backup in {@code file}. */
    void restore(Path file) throws IOException, SQLException;

    /** Restores {@code file} into a new scratch database; the caller closes it, which deletes it. */
    ScratchDatabase restoreToScratch(Path file) throws IOException, SQLException;
}
