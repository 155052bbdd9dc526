package org.jobpricing.server.cli.backup;

import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** How to reach the configured database; {@link #toString()} never shows the password. */
public record DatabaseSettings(
        String driverClass, String url, String user, String password, Map<String, String> properties) {

    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new BackupException("database.url is not set");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The settings of the {@code database} section of config.yml. */
    public static DatabaseSettings of(DataSourceFactory factory) {
        return new DatabaseSettings(
                factory.getDriverClass(),
                factory.getUrl(),
                factory.getUser(),
                factory.getPassword(),
                factory.getProperties());
    }

    /** The same login and properties on another database. */
    public DatabaseSettings withUrl(String otherUrl) {
        return new DatabaseSettings(driverClass, otherUrl, user, password, properties);
    }

    /** A new connection (the caller closes it). */
    public Connection connect() throws SQLException {
        if (driverClass != null && !driverClass.isBlank()) {
            try {
                Class.forName(driverClass);
            } catch (ClassNotFoundException e) {
                throw new BackupException("database.driverClass " + driverClass + " is not on the class path", e);
            }
        }
        Properties info = new Properties();
        info.putAll(properties);
        if (!user.isEmpty()) {
            info.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            info.setProperty("password", password);
        }
        return DriverManager.getConnection(url, info);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url.replaceAll("(?i)password=[^;&]*", "password=****") + ", user=" + user
                + "]";
    }
}
