package org.jobpricing.server.db;

import io.dropwizard.db.DataSourceFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes an H2 commit reach the database file before it returns, whatever H2 URL is configured. H2 (MVStore)
 * otherwise keeps committed changes in memory and writes them up to {@code WRITE_DELAY} ms later (500 by
 * default), so a process killed right after an answer lost writes it had acknowledged. With
 * {@code WRITE_DELAY=0} every transaction that changed something writes them itself as it commits.
 * The file write survives the process (kill -9, a crash); H2 does not fsync each commit, so it does not
 * survive losing the machine's power: production runs on PostgreSQL.
 */
public final class H2Durability {

    static final String WRITE_DELAY = "WRITE_DELAY";

    private H2Durability() {}

    /**
     * Adds {@code WRITE_DELAY=0} to the connection properties of an H2 database (they reach the driver with
     * every connection: the database opens with it and each session sets it again); other databases are left
     * as they are. Refuses a URL or property that asks for a delay.
     */
    public static DataSourceFactory apply(DataSourceFactory database) {
        String url = database.getUrl();
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return database;
        }
        String inUrl = urlSetting(url);
        if (inUrl != null && !inUrl.strip().equals("0")) {
            throw refused("database.url sets " + WRITE_DELAY + "=" + inUrl.strip());
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> configured = database.getProperties() == null ? Map.of() : database.getProperties();
        configured.forEach((key, value) -> {
            if (!key.toUpperCase(Locale.ROOT).equals(WRITE_DELAY)) {
                properties.put(key, value);
            } else if (value == null || !value.strip().equals("0")) {
                throw refused("database.properties sets " + key + ": " + value);
            }
        });
        properties.put(WRITE_DELAY, "0");
        database.setProperties(properties);
        return database;
    }

    private static String urlSetting(String url) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0
                    && parts[i].substring(0, equals)
                            .strip()
                            .toUpperCase(Locale.ROOT)
                            .equals(WRITE_DELAY)) {
                return parts[i].substring(equals + 1);
            }
        }
        return null;
    }

    private static IllegalStateException refused(String what) {
        return new IllegalStateException(what + ": H2 would then write a commit to its file only after that many "
                + "milliseconds, and a crash in between loses writes that were already answered; remove the setting "
                + "(the server sets " + WRITE_DELAY + "=0)");
    }
}
