package org.jobpricing.server.cli.backup;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code jdbc:postgresql:} URL taken apart for the libpq tools: hosts, ports, database and parameters
 * (the URL's query over the datasource properties, as the JDBC driver reads them).
 */
record PgUrl(List<String> hosts, List<String> ports, String database, String query, Map<String, String> params) {

    private static final String PREFIX = "jdbc:postgresql:";

    PgUrl {
        hosts = List.copyOf(hosts);
        ports = List.copyOf(ports);
        params = Map.copyOf(params);
    }

    static PgUrl parse(String url, Map<String, String> properties) {
        if (!url.startsWith(PREFIX)) {
            throw new BackupException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        String rest = url.substring(PREFIX.length());
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        List<String> hosts = new ArrayList<>();
        List<String> ports = new ArrayList<>();
        String database;
        if (rest.startsWith("//")) {
            String body = rest.substring(2);
            int slash = body.indexOf('/');
            database = slash < 0 ? "" : decode(body.substring(slash + 1));
            for (String address : (slash < 0 ? body : body.substring(0, slash)).split(",", -1)) {
                addAddress(address, hosts, ports);
            }
        } else {
            database = decode(rest.startsWith("/") ? rest.substring(1) : rest);
            hosts.add("localhost");
            ports.add("5432");
        }
        if (database.isEmpty()) {
            throw new BackupException("database.url names no database; use jdbc:postgresql://host:port/database");
        }
        Map<String, String> params = new LinkedHashMap<>(properties);
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new PgUrl(hosts, ports, database, query, params);
    }

    private static void addAddress(String address, List<String> hosts, List<String> ports) {
        String host;
        String port = "";
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw new BackupException("database.url has an unclosed [ in its host");
            }
            host = address.substring(1, close);
            if (address.startsWith(":", close + 1)) {
                port = address.substring(close + 2);
            }
        } else {
            int colon = address.lastIndexOf(':');
            host = colon < 0 ? address : address.substring(0, colon);
            port = colon < 0 ? "" : address.substring(colon + 1);
        }
        hosts.add(host.isEmpty() ? "localhost" : host);
        ports.add(port.isEmpty() ? "5432" : port);
    }

    /** A parameter of the URL or of the datasource properties. */
    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The same server and parameters, another database. */
    PgUrl withDatabase(String other) {
        return new PgUrl(hosts, ports, other, query, params);
    }

    String toJdbcUrl() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i).contains(":") ? "[" + hosts.get(i) + "]" : hosts.get(i);
            addresses.add(host + ":" + ports.get(i));
        }
        return "jdbc:postgresql://" + String.join(",", addresses) + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8) + (query.isEmpty() ? "" : "?" + query);
    }

    /** Connection options of pg_dump and pg_restore; never the password, which goes through PGPASSWORD. */
    List<String> connectionArgs(String user) {
        List<String> args =
                new ArrayList<>(List.of("--host=" + String.join(",", hosts), "--port=" + String.join(",", ports)));
        if (!user.isEmpty()) {
            args.add("--username=" + user);
        }
        args.add("--dbname=" + database);
        args.add("--no-password");
        return args;
    }

    /** libpq environment variables for the URL's SSL and timeout settings. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        param("sslmode")
                .or(() -> param("ssl").filter("true"::equalsIgnoreCase).map(ssl -> "verify-full"))
                .ifPresent(mode -> env.put("PGSSLMODE", mode));
        param("sslrootcert").ifPresent(cert -> env.put("PGSSLROOTCERT", cert));
        param("connectTimeout").ifPresent(seconds -> env.put("PGCONNECT_TIMEOUT", seconds));
        return env;
    }

    /** host:port/database, for messages. */
    String describe() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            addresses.add(hosts.get(i) + ":" + ports.get(i));
        }
        return "PostgreSQL database " + database + " on " + String.join(",", addresses);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
