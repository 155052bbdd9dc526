package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input to every endpoint outside the rules: a 4xx (never a 500) in the one error shape
 * whose {@code details} name what was wrong: the body field, the CSV line, the query or path parameter,
 * or, for a request-level fault, the HTTP element itself ({@code Content-Type}, {@code Accept},
 * {@code Authorization}, {@code method}, {@code path}). Batch rows are answered in place the same way.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MalformedInputTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.app(TestDatabases.h2(), "plugins.refreshOnStartup", "false", "auth.registrationEnabled", "true");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json";
    static final String CSV = "text/csv";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String BATCH_HEADER = "title,occupation_code,level,country,area,currency,as_of,skills\n";
    static final String GOOD_ROW = "Developer,15-1252,IC3,US,,,2026-05-01,\n";
    static final String GOOD_QUOTE =
            "{\"title\":\"Dev\",\"occupationCode\":\"15-1252\",\"level\":\"IC3\",\"country\":\"US\"";
    static final String OBSERVATION_HEADER = "source_id,source_type,occupation_code,level,country,area,currency,period,"
            + "effective_date,p10,p25,p50,p75,p90,sample_size,org_count\n";
    /** 73 bytes: one more than bcrypt reads. */
    static final String ASCII_73 = "Long-passphrase-" + "x".repeat(57);
    /** 37 characters, 74 bytes in UTF-8: short in characters, too long for bcrypt. */
    static final String ACCENTED_74 = "é".repeat(37);
    /** 30 characters, 90 bytes in UTF-8. */
    static final String EUROS_90 = "€".repeat(30);

    static final String LONG_NAME = "n".repeat(300);

    /** Who sends a request. */
    enum Who {
        ANONYMOUS,
        VIEWER,
        ANALYST,
        MANAGER,
        ADMIN
    }

    /**
     * One malformed request and what must come back: the status and what {@code details} must name,
     * written {@code key=value} ({@code field=limit}, {@code line=3}, {@code sourceId=x}).
     */
    record Case(
            String name,
            Who who,
            String method,
            String path,
            String type,
            byte[] body,
            String[] headers,
            int status,
            String names) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case send(
            String name,
            Who who,
            String method,
            String path,
            String type,
            String body,
            int status,
            String names,
            String... headers) {
        return new Case(
                name,
                who,
                method,
                path,
                type,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                headers,
                status,
                names);
    }

    static Case post(
            String name, Who who, String path, String type, String body, int status, String names, String... headers) {
        return send(name, who, "POST", path, type, body, status, names, headers);
    }

    static Case postJson(String name, Who who, String path, String body, int status, String names) {
        return post(name, who, path, JSON_TYPE, body, status, names);
    }

    static Case get(String name, Who who, String path, int status, String names, String... headers) {
        return send(name, who, "GET", path, null, null, status, names, headers);
    }

    static Case bytes(String name, Who who, String path, String type, byte[] body, int status, String names) {
        return new Case(name, who, "POST", path, type, body, new String[0], status, names);
    }

    static String form(String... pairs) {
        return IntStream.range(0, pairs.length / 2)
                .mapToObj(i -> pairs[2 * i] + "=" + URLEncoder.encode(pairs[2 * i + 1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String login(String field, String name, String password) {
        return "{\"" + field + "\": \"" + name + "\", \"password\": \"" + password + "\"}";
    }

    static String newUser(String username, String email, String password, String role) {
        return "{\"username\": \"" + username + "\", \"email\": \"" + email + "\", \"password\": \"" + password + "\""
                + (role == null ? "" : ", \"role\": \"" + role + "\"") + "}";
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<Case> cases() {
        String login = "/api/v1/auth/login";
        String password = "/api/v1/auth/me/password";
        String users = "/api/v1/users";
        String quotes = "/api/v1/pricing/quotes";
        String batch = "/api/v1/pricing/batch";
        String observations = "/api/v1/market-data/observations";
        String fx = "/api/v1/market-data/fx-rates";
        String jobs = "/api/v1/market-data/jobs";
        Who anon = Who.ANONYMOUS;
        Who analyst = Who.ANALYST;
        Who admin = Who.ADMIN;
        return List.of(
                // login: names of any length and passwords beyond bcrypt's 72 bytes
                postJson(
                        "login: 300-character username",
                        anon,
                        login,
                        login("username", LONG_NAME, "x"),
                        400,
                        "field=username"),
                postJson(
                        "login: 300-character email",
                        anon,
                        login,
                        login("email", LONG_NAME + "@example.test", "x"),
                        400,
                        "field=email"),
                post(
                        "login form: 300-character username",
                        anon,
                        login,
                        FORM,
                        form("username", LONG_NAME, "password", "x"),
                        400,
                        "field=username"),
                post(
                        "login form: name longer than a key once lower-cased",
                        anon,
                        login,
                        FORM,
                        form("username", "İ".repeat(200), "password", "x"),
                        400,
                        "field=username"),
                postJson(
                        "login: 73-byte password",
                        anon,
                        login,
                        login("username", "admin", ASCII_73),
                        400,
                        "field=password"),
                postJson(
                        "login: 37 characters, 74 bytes",
                        anon,
                        login,
                        login("username", "admin", ACCENTED_74),
                        400,
                        "field=password"),
                post(
                        "login form: 90-byte password",
                        anon,
                        login,
                        FORM,
                        form("username", "admin", "password", EUROS_90),
                        400,
                        "field=password"),
                postJson("login: no password", anon, login, "{\"username\": \"admin\"}", 400, "field=password"),
                postJson("login: no name", anon, login, "{\"password\": \"whatever-it-is\"}", 400, "field=username"),
                post(
                        "login form: no username",
                        anon,
                        login,
                        FORM,
                        form("password", "whatever-it-is"),
                        400,
                        "field=username"),
                post("login form: no password", anon, login, FORM, form("username", "admin"), 400, "field=password"),
                postJson(
                        "login: unknown account",
                        anon,
                        login,
                        login("username", "nobody-at-all", "Some-pass-123"),
                        401,
                        "field=password"),
                postJson("login: not JSON", anon, login, "{\"username\": ", 400, "field=body"),
                postJson("login: empty body", anon, login, "", 400, "field=body"),
                postJson("login: an array", anon, login, "[]", 400, "field=body"),
                postJson("login: null", anon, login, "null", 400, "field=body"),
                postJson(
                        "login: object as username",
                        anon,
                        login,
                        "{\"username\": {\"a\": 1}, \"password\": \"x\"}",
                        400,
                        "field=username"),
                postJson(
                        "login: unknown field",
                        anon,
                        login,
                        "{\"user\": \"admin\", \"password\": \"x\"}",
                        400,
                        "field=user"),
                post("login: text/plain", anon, login, "text/plain", "admin:secret", 415, "field=Content-Type"),
                post(
                        "login form: broken percent-encoding",
                        anon,
                        login,
                        FORM,
                        "username=%zz&password=x",
                        400,
                        "field=body"),
                // tokens and registration
                postJson("refresh: no token", anon, "/api/v1/auth/refresh", "{}", 400, "field=refresh_token"),
                postJson(
                        "refresh: unknown token",
                        anon,
                        "/api/v1/auth/refresh",
                        "{\"refresh_token\": \"nope\"}",
                        401,
                        "field=refresh_token"),
                postJson(
                        "refresh: 300-character token",
                        anon,
                        "/api/v1/auth/refresh",
                        "{\"refresh_token\": \"" + LONG_NAME + "\"}",
                        400,
                        "field=refresh_token"),
                postJson("logout: not JSON", anon, "/api/v1/auth/logout", "{", 400, "field=body"),
                postJson(
                        "register: 73-byte password",
                        anon,
                        "/api/v1/auth/register",
                        newUser("reg-one", "reg-one@example.test", ASCII_73, null),
                        400,
                        "field=password"),
                postJson(
                        "register: 90-byte password",
                        anon,
                        "/api/v1/auth/register",
                        newUser("reg-two", "reg-two@example.test", EUROS_90, null),
                        400,
                        "field=password"),
                postJson(
                        "register: bad username",
                        anon,
                        "/api/v1/auth/register",
                        newUser("a b", "reg-three@example.test", "Sturdy-register-pass-1", null),
                        400,
                        "field=username"),
                postJson(
                        "register: bad email",
                        anon,
                        "/api/v1/auth/register",
                        newUser("reg-four", "not-an-address", "Sturdy-register-pass-1", null),
                        400,
                        "field=email"),
                postJson("verify-email: no token", anon, "/api/v1/auth/verify-email", "{}", 400, "field=token"),
                postJson(
                        "verify-email: unknown token",
                        anon,
                        "/api/v1/auth/verify-email",
                        "{\"token\": \"nope\"}",
                        400,
                        "field=token"),
                get("me: no token", anon, "/api/v1/auth/me", 401, "field=Authorization"),
                get(
                        "me: garbage token",
                        anon,
                        "/api/v1/auth/me",
                        401,
                        "field=Authorization",
                        "Authorization",
                        "Bearer not.a.jwt"),
                send(
                        "password change: 73-byte new password",
                        Who.VIEWER,
                        "PUT",
                        password,
                        JSON_TYPE,
                        "{\"currentPassword\": \"" + TestUsers.PASSWORD + "\", \"newPassword\": \"" + ASCII_73 + "\"}",
                        400,
                        "field=newPassword"),
                send(
                        "password change: 37 characters, 74 bytes",
                        Who.VIEWER,
                        "PUT",
                        password,
                        JSON_TYPE,
                        "{\"currentPassword\": \"" + TestUsers.PASSWORD + "\", \"newPassword\": \"" + ACCENTED_74
                                + "\"}",
                        400,
                        "field=newPassword"),
                send(
                        "password change: 90-byte current password",
                        Who.VIEWER,
                        "PUT",
                        password,
                        JSON_TYPE,
                        "{\"currentPassword\": \"" + EUROS_90 + "\", \"newPassword\": \"Another-good-pass-77\"}",
                        400,
                        "field=currentPassword"),
                send(
                        "password change: no new password",
                        Who.VIEWER,
                        "PUT",
                        password,
                        JSON_TYPE,
                        "{\"currentPassword\": \"" + TestUsers.PASSWORD + "\"}",
                        400,
                        "field=newPassword"),
                send(
                        "password change: too short",
                        Who.VIEWER,
                        "PUT",
                        password,
                        JSON_TYPE,
                        "{\"currentPassword\": \"" + TestUsers.PASSWORD + "\", \"newPassword\": \"short\"}",
                        400,
                        "field=newPassword"),
                // accounts
                postJson(
                        "user: 73-byte password",
                        admin,
                        users,
                        newUser("new-one", "new-one@example.test", ASCII_73, "VIEWER"),
                        400,
                        "field=password"),
                postJson(
                        "user: 90-byte password",
                        admin,
                        users,
                        newUser("new-two", "new-two@example.test", EUROS_90, "VIEWER"),
                        400,
                        "field=password"),
                postJson(
                        "user: 300-character username",
                        admin,
                        users,
                        newUser(LONG_NAME, "new-three@example.test", "Sturdy-user-pass-31", "VIEWER"),
                        400,
                        "field=username"),
                postJson(
                        "user: bad role",
                        admin,
                        users,
                        newUser("new-four", "new-four@example.test", "Sturdy-user-pass-31", "GOD"),
                        400,
                        "field=role"),
                postJson("user: an array", admin, users, "[1, 2]", 400, "field=body"),
                postJson("user: empty body", admin, users, "", 400, "field=body"),
                postJson(
                        "user: taken username",
                        admin,
                        users,
                        newUser("admin", "other-admin@example.test", "Sturdy-user-pass-31", "VIEWER"),
                        409,
                        "field=username"),
                get("users: limit=-1", admin, users + "?limit=-1", 400, "field=limit"),
                get("users: limit=abc", admin, users + "?limit=abc", 400, "field=limit"),
                get("users: offset=-5", admin, users + "?offset=-5", 400, "field=offset"),
                get("user: unknown id", admin, users + "/no-such-user", 404, "field=id"),
                send(
                        "user update: bad role",
                        admin,
                        "PUT",
                        users + "/no-such-user",
                        JSON_TYPE,
                        "{\"role\": \"GOD\"}",
                        400,
                        "field=role"),
                send(
                        "user update: active is not a boolean",
                        admin,
                        "PUT",
                        users + "/no-such-user",
                        JSON_TYPE,
                        "{\"active\": \"maybe\"}",
                        400,
                        "field=active"),
                send(
                        "user update: unknown id",
                        admin,
                        "PUT",
                        users + "/no-such-user",
                        JSON_TYPE,
                        "{\"active\": false}",
                        404,
                        "field=id"),
                send("user delete: unknown id", admin, "DELETE", users + "/no-such-user", null, null, 404, "field=id"),
                send("user delete: the last admin", admin, "DELETE", users + "/{admin}", null, null, 409, "field=id"),
                get("users: limit beyond an int", admin, users + "?limit=99999999999999", 400, "field=limit"),
                // audit
                get("audit: from=yesterday", admin, "/api/v1/audit?from=yesterday", 400, "field=from"),
                get("audit: to is no instant", admin, "/api/v1/audit?to=2026-13-01", 400, "field=to"),
                get("audit: limit=0", admin, "/api/v1/audit?limit=0", 400, "field=limit"),
                get("audit: limit=abc", admin, "/api/v1/audit?limit=abc", 400, "field=limit"),
                get("audit: limit=99999", admin, "/api/v1/audit?limit=99999", 400, "field=limit"),
                get("audit: offset=1.5", admin, "/api/v1/audit?offset=1.5", 400, "field=offset"),
                // quotes
                postJson("quote: not JSON", analyst, quotes, "{\"title\": ", 400, "field=body"),
                postJson("quote: empty body", analyst, quotes, "", 400, "field=body"),
                postJson("quote: an array", analyst, quotes, "[" + GOOD_QUOTE + "}]", 400, "field=body"),
                postJson("quote: a string", analyst, quotes, "\"Dev\"", 400, "field=body"),
                postJson(
                        "quote: 10,000-character title",
                        analyst,
                        quotes,
                        "{\"title\":\"" + "t".repeat(10_000) + "\",\"level\":\"IC3\",\"country\":\"US\"}",
                        400,
                        "field=title"),
                postJson(
                        "quote: skills is a string",
                        analyst,
                        quotes,
                        GOOD_QUOTE + ",\"skills\":\"Rust\"}",
                        400,
                        "field=skills"),
                postJson(
                        "quote: 101 skills",
                        analyst,
                        quotes,
                        GOOD_QUOTE + ",\"skills\":["
                                + IntStream.range(0, 101)
                                        .mapToObj(i -> "\"s" + i + "\"")
                                        .collect(Collectors.joining(","))
                                + "]}",
                        400,
                        "field=skills"),
                postJson(
                        "quote: asOf is an object",
                        analyst,
                        quotes,
                        GOOD_QUOTE + ",\"asOf\":{\"y\":2026}}",
                        400,
                        "field=asOf"),
                postJson(
                        "quote: bad currency",
                        analyst,
                        quotes,
                        GOOD_QUOTE + ",\"currency\":\"usd1\"}",
                        400,
                        "field=currency"),
                postJson(
                        "quote: unknown level",
                        analyst,
                        quotes,
                        "{\"title\":\"Dev\",\"occupationCode\":\"15-1252\",\"level\":\"IC9\",\"country\":\"US\"}",
                        400,
                        "field=level"),
                postJson(
                        "quote: no market data",
                        analyst,
                        quotes,
                        "{\"title\":\"Dev\",\"occupationCode\":\"99-9999\",\"level\":\"IC3\",\"country\":\"US\"}",
                        422,
                        "field=occupationCode"),
                postJson("quote: unknown field", analyst, quotes, GOOD_QUOTE + ",\"salary\":1}", 400, "field=salary"),
                postJson(
                        "quote: skills nested 5,000 deep",
                        analyst,
                        quotes,
                        GOOD_QUOTE + ",\"skills\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                        400,
                        "field=skills[0]"),
                postJson(
                        "quote: arrays nested 5,000 deep",
                        analyst,
                        quotes,
                        "[".repeat(5000) + "]".repeat(5000),
                        400,
                        "field=body"),
                post("quote: text/plain", analyst, quotes, "text/plain", GOOD_QUOTE + "}", 415, "field=Content-Type"),
                post(
                        "quote: Accept text/csv",
                        analyst,
                        quotes,
                        JSON_TYPE,
                        GOOD_QUOTE + "}",
                        406,
                        "field=Accept",
                        "Accept",
                        "text/csv"),
                send("quotes: DELETE", analyst, "DELETE", quotes, null, null, 405, "field=method"),
                get("quote: unknown id", analyst, quotes + "/no-such-quote", 404, "field=id"),
                get("unknown route", analyst, "/api/v1/nothing-here", 404, "field=path"),
                postJson(
                        "quote: a viewer may not price",
                        Who.VIEWER,
                        quotes,
                        GOOD_QUOTE + "}",
                        403,
                        "field=Authorization"),
                // batch requests refused before any line is priced
                post("batch: empty CSV", analyst, batch, CSV, "", 400, "line=1"),
                post("batch: wrong CSV header", analyst, batch, CSV, "a,b\n1,2\n", 400, "line=1"),
                post(
                        "batch: header with an unterminated quote",
                        analyst,
                        batch,
                        CSV,
                        "\"title,occupation_code,level,country,area,currency,as_of,skills\n" + GOOD_ROW,
                        400,
                        "line=1"),
                bytes(
                        "batch: header not UTF-8",
                        analyst,
                        batch,
                        CSV,
                        latin1("titlé,occupation_code,level,country,area,currency,as_of,skills\n" + GOOD_ROW),
                        400,
                        "line=1"),
                postJson("batch: an object, not an array", analyst, batch, "{\"requests\": [{}]}", 400, "field=body"),
                postJson("batch: a string", analyst, batch, "\"jobs\"", 400, "field=body"),
                postJson("batch: empty JSON body", analyst, batch, "", 400, "field=body"),
                post(
                        "batch: ?format=xml",
                        analyst,
                        batch + "?format=xml",
                        CSV,
                        BATCH_HEADER + GOOD_ROW,
                        400,
                        "field=format"),
                post(
                        "batch: text/plain",
                        analyst,
                        batch,
                        "text/plain",
                        BATCH_HEADER + GOOD_ROW,
                        415,
                        "field=Content-Type"),
                post(
                        "batch: Accept application/xml",
                        analyst,
                        batch,
                        CSV,
                        BATCH_HEADER + GOOD_ROW,
                        406,
                        "field=Accept",
                        "Accept",
                        "application/xml"),
                // market data
                post("observations: empty body", analyst, observations, CSV, "", 400, "field=body"),
                post("observations: header only", analyst, observations, CSV, OBSERVATION_HEADER, 400, "line=1"),
                post(
                        "observations: bad row",
                        analyst,
                        observations,
                        CSV,
                        OBSERVATION_HEADER + "s1,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2026-01-01,,,lots,,,40,4\n",
                        400,
                        "line=2"),
                post("observations: JSON", analyst, observations, JSON_TYPE, "{}", 415, "field=Content-Type"),
                bytes(
                        "observations: not UTF-8",
                        analyst,
                        observations,
                        CSV,
                        latin1(OBSERVATION_HEADER
                                + "sürvey,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2026-01-01,,,100000,,,40,4\n"),
                        400,
                        "line=2"),
                get("observations: limit=abc", analyst, observations + "?limit=abc", 400, "field=limit"),
                get("observations: limit=0", analyst, observations + "?limit=0", 400, "field=limit"),
                get("observations: country=XX", analyst, observations + "?country=XX", 400, "field=country"),
                post(
                        "fx: rate 1e300",
                        analyst,
                        fx,
                        CSV,
                        "date,from,to,rate\n2026-01-01,EUR,USD,1e300\n",
                        400,
                        "line=2"),
                post(
                        "fx: rate 1e-300",
                        analyst,
                        fx,
                        CSV,
                        "date,from,to,rate\n2026-01-01,EUR,USD,1e-300\n",
                        400,
                        "line=2"),
                post(
                        "fx: rate 2e9",
                        analyst,
                        fx,
                        CSV,
                        "date,from,to,rate\n2026-01-01,EUR,USD,1.1\n" + "2026-01-01,EUR,JPY,2e9\n",
                        400,
                        "line=3"),
                post("fx: rate NaN", analyst, fx, CSV, "date,from,to,rate\n2026-01-01,EUR,USD,NaN\n", 400, "line=2"),
                post(
                        "fx: rate Infinity",
                        analyst,
                        fx,
                        CSV,
                        "date,from,to,rate\n2026-01-01,EUR,USD,Infinity\n",
                        400,
                        "line=2"),
                post("fx: rate 0", analyst, fx, CSV, "date,from,to,rate\n2026-01-01,EUR,USD,0\n", 400, "line=2"),
                post("fx: wrong header", analyst, fx, CSV, "day,from,to,rate\n2026-01-01,EUR,USD,1.1\n", 400, "line=1"),
                post("fx: header only", analyst, fx, CSV, "date,from,to,rate\n", 400, "line=1"),
                // the shared CSV reader names the line where the parser gave up: the end of the file
                post(
                        "fx: unterminated quote",
                        analyst,
                        fx,
                        CSV,
                        "date,from,to,rate\n2026-01-01,EUR,USD,1.1\n" + "\"2026-01-02,EUR,USD,1.2\n",
                        400,
                        "line=4"),
                post("fx: empty body", analyst, fx, CSV, "", 400, "field=body"),
                get("jobs: limit=abc", analyst, jobs + "?limit=abc", 400, "field=limit"),
                get("jobs: status=NOPE", analyst, jobs + "?status=NOPE", 400, "field=status"),
                get("jobs: source with spaces", analyst, jobs + "?source=a%20b", 400, "field=source"),
                get("job: id abc", analyst, jobs + "/abc", 404, "field=id"),
                get("job: unknown id", analyst, jobs + "/987654", 404, "field=id"),
                get("job: id beyond a long", analyst, jobs + "/99999999999999999999", 404, "field=id"),
                postJson("jobs: bad source name", Who.MANAGER, jobs, "{\"source\": \"a b\"}", 400, "field=source"),
                postJson(
                        "jobs: unknown source",
                        Who.MANAGER,
                        jobs,
                        "{\"source\": \"no-such-source\"}",
                        404,
                        "field=source"),
                postJson("jobs: not JSON", Who.MANAGER, jobs, "{\"source\"", 400, "field=body"),
                // plugins
                get("plugin: unknown id", analyst, "/api/v1/plugins/no-such-plugin", 404, "field=id"),
                post(
                        "plugin enable: unknown id",
                        admin,
                        "/api/v1/plugins/no-such-plugin/enable",
                        null,
                        null,
                        404,
                        "field=id"),
                post(
                        "plugin check: unknown id",
                        admin,
                        "/api/v1/plugins/no-such-plugin/check",
                        null,
                        null,
                        404,
                        "field=id"),
                // AI
                postJson(
                        "occupation matches: no title",
                        analyst,
                        "/api/v1/ai/occupation-matches",
                        "{}",
                        400,
                        "field=title"),
                postJson(
                        "occupation matches: limit 0",
                        analyst,
                        "/api/v1/ai/occupation-matches",
                        "{\"title\": \"Developer\", \"limit\": 0}",
                        400,
                        "field=limit"),
                postJson(
                        "occupation matches: limit abc",
                        analyst,
                        "/api/v1/ai/occupation-matches",
                        "{\"title\": \"Developer\", \"limit\": \"abc\"}",
                        400,
                        "field=limit"),
                postJson(
                        "occupation matches: limit 1e400",
                        analyst,
                        "/api/v1/ai/occupation-matches",
                        "{\"title\": \"Developer\", \"limit\": 1e400}",
                        400,
                        "field=limit"),
                postJson(
                        "skill extractions: no text", analyst, "/api/v1/ai/skill-extractions", "{}", 400, "field=text"),
                get(
                        "occupation skills: limit=abc",
                        analyst,
                        "/api/v1/ai/occupations/15-1252/skills?limit=abc",
                        400,
                        "field=limit"),
                get(
                        "occupation skills: unknown code",
                        analyst,
                        "/api/v1/ai/occupations/99-9999/skills",
                        404,
                        "field=code"),
                postJson(
                        "enrichments: no title",
                        analyst,
                        "/api/v1/ai/enrichments",
                        "{\"level\": \"IC3\"}",
                        400,
                        "field=title"),
                postJson(
                        "job descriptions: no level",
                        analyst,
                        "/api/v1/ai/job-descriptions",
                        "{\"title\": \"Developer\", \"skills\": []}",
                        400,
                        "field=level"));
    }

    /** Market data for the good rows of the batch cases; everything else here is refused before pricing. */
    @BeforeAll
    static void marketData() {
        Api.Reply imported = client(Who.ANALYST)
                .post(
                        "/api/v1/market-data/observations",
                        CSV,
                        OBSERVATION_HEADER + "seed,SURVEY,15-1252,IC3,US,,USD,ANNUAL,2026-01-01,,,130000,,,400,10\n");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    }

    static Api client(Who who) {
        return switch (who) {
            case ANONYMOUS -> new Api(APP.getLocalPort());
            case VIEWER -> TestUsers.as(APP, Role.VIEWER);
            case ANALYST -> TestUsers.as(APP, Role.HR_ANALYST);
            case MANAGER -> TestUsers.as(APP, Role.HR_MANAGER);
            case ADMIN -> TestUsers.admin(APP);
        };
    }

    /** The one error shape, and a detail that names {@code names} ({@code key=value}). */
    static void assertNamedError(JsonNode error, int status, String names, String context) {
        assertThat(error).as(context).isNotNull();
        assertThat(error.path("code").asInt()).as(context).isEqualTo(status);
        assertThat(error.path("error").asText()).as(context).matches("[A-Z0-9_]+");
        assertThat(error.path("message").asText()).as(context).isNotBlank();
        JsonNode details = error.path("details");
        assertThat(details.isArray() && !details.isEmpty())
                .as("details of " + context)
                .isTrue();
        String key = names.substring(0, names.indexOf('='));
        String value = names.substring(names.indexOf('=') + 1);
        List<String> named = new ArrayList<>();
        details.forEach(d -> named.add(d.path(key).asText()));
        assertThat(named).as("details." + key + " of " + context).contains(value);
        details.forEach(d -> assertThat(d.path("message").asText())
                .as("detail message of " + context)
                .isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyMalformedRequestIsA4xxNamingWhatIsWrong(Case c) {
        String path = c.path()
                .replace(
                        "{admin}",
                        client(Who.ADMIN)
                                .get("/api/v1/auth/me")
                                .json()
                                .get("id")
                                .asText());
        Api.Reply reply = client(c.who()).request(c.method(), path, c.type(), c.body(), c.headers());

        String context = c.name() + " -> " + reply.status() + " " + reply.text();
        assertThat(reply.status()).as(context).isEqualTo(c.status());
        assertThat(reply.headers().firstValue("Content-Type"))
                .as(context)
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertNamedError(reply.json(), c.status(), c.names(), context);
    }

    @Test
    void frameworkErrorsSayWhatWasWrong() {
        Api analyst = client(Who.ANALYST);
        assertThat(detail(analyst.request("DELETE", "/api/v1/pricing/quotes", null, null)))
                .startsWith("DELETE is not allowed on /api/v1/pricing/quotes; allowed: ")
                .contains("POST");
        assertThat(detail(analyst.post("/api/v1/pricing/quotes", "text/plain", "x")))
                .isEqualTo("'text/plain' is not accepted by POST /api/v1/pricing/quotes");
        assertThat(detail(analyst.get("/api/v1/nothing-here"))).isEqualTo("no route for GET /api/v1/nothing-here");
        assertThat(detail(client(Who.ADMIN).get("/api/v1/audit?limit=abc")))
                .isEqualTo("'abc' is not a valid value; a whole number is expected");
        assertThat(detail(client(Who.VIEWER).postJson("/api/v1/pricing/quotes", GOOD_QUOTE + "}")))
                .isEqualTo("role VIEWER does not have the permission pricing:create");
        assertThat(detail(analyst.postJson("/api/v1/pricing/quotes", GOOD_QUOTE + ",\"skills\":\"Rust\"}")))
                .isEqualTo("must be a JSON array");
        assertThat(detail(analyst.postJson("/api/v1/ai/occupation-matches", "{\"title\": \"Dev\", \"limit\": \"x\"}")))
                .isEqualTo("must be a number, got 'x'");
    }

    private static String detail(Api.Reply reply) {
        return reply.json().at("/details/0/message").asText();
    }

    /** A batch whose bad rows are answered in place: the lines expected, in order, as {@code line:STATUS}. */
    record BatchCase(String name, String type, byte[] body, List<String> lines, String badLineNames) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<BatchCase> batchCases() {
        String good = "{\"title\":\"Dev\",\"occupationCode\":\"15-1252\",\"level\":\"IC3\",\"country\":\"US\","
                + "\"asOf\":\"2026-05-01\"}";
        return List.of(
                new BatchCase(
                        "CSV: unterminated quote mid-stream",
                        CSV,
                        utf8(BATCH_HEADER + GOOD_ROW + "\"Developer,15-1252,IC3,US,,,2026-05-01,\n" + GOOD_ROW
                                + GOOD_ROW),
                        List.of("2:OK", "3:ERROR"),
                        "line=3"),
                new BatchCase(
                        "CSV: a line that is not UTF-8",
                        CSV,
                        concat(
                                utf8(BATCH_HEADER + GOOD_ROW),
                                latin1("Développeur,15-1252,IC3,US,,,2026-05-01,\n"),
                                utf8(GOOD_ROW)),
                        List.of("2:OK", "3:ERROR", "4:OK"),
                        "line=3"),
                new BatchCase(
                        "CSV: a lone continuation byte",
                        CSV,
                        concat(
                                utf8(BATCH_HEADER + GOOD_ROW + GOOD_ROW),
                                utf8("Dev"),
                                new byte[] {(byte) 0x80},
                                utf8(",15-1252,IC3,US,,,2026-05-01,\n")),
                        List.of("2:OK", "3:OK", "4:ERROR"),
                        "line=4"),
                new BatchCase(
                        "CSV: too few cells",
                        CSV,
                        utf8(BATCH_HEADER + "Developer,15-1252,IC3\n" + GOOD_ROW),
                        List.of("2:ERROR", "3:OK"),
                        "line=2"),
                new BatchCase(
                        "JSON: [null]",
                        JSON_TYPE,
                        utf8("[null, " + good + "]"),
                        List.of("1:ERROR", "2:OK"),
                        "field=request"),
                new BatchCase(
                        "JSON: a number among requests",
                        JSON_TYPE,
                        utf8("[" + good + ", 7]"),
                        List.of("1:OK", "2:ERROR"),
                        "field=request"),
                new BatchCase(
                        "JSON: a wrongly typed field",
                        JSON_TYPE,
                        utf8("[{\"title\": [1], \"level\": \"IC3\", " + "\"country\": \"US\"}, " + good + "]"),
                        List.of("1:ERROR", "2:OK"),
                        "field=title"),
                new BatchCase(
                        "JSON: broken mid-array",
                        JSON_TYPE,
                        utf8("[" + good + ", {\"title\": ]"),
                        List.of("1:OK", "2:ERROR"),
                        "field=request"),
                new BatchCase(
                        "JSON: bytes that are not UTF-8",
                        JSON_TYPE,
                        concat(
                                utf8("[" + good + ", "),
                                latin1("{\"title\":\"Développeur\",\"level\":\"IC3\",\"country\":\"US\"}]")),
                        List.of("1:OK", "2:ERROR"),
                        "field=request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batchCases")
    void batchRowsThatCannotBeReadAreAnsweredInPlace(BatchCase c) throws Exception {
        Api.Reply reply = client(Who.ANALYST).request("POST", "/api/v1/pricing/batch", c.type(), c.body());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : reply.text().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        JsonNode summary = lines.remove(lines.size() - 1);
        assertThat(summary.has("summary"))
                .as("the stream ends with its summary: " + reply.text())
                .isTrue();
        assertThat(lines)
                .as(reply.text())
                .extracting(l -> l.get("line").asInt() + ":" + l.get("status").asText())
                .containsExactlyElementsOf(c.lines());
        for (JsonNode line : lines) {
            if (line.get("status").asText().equals("ERROR")) {
                JsonNode error = line.get("error");
                assertThat(error.get("code").asInt()).as(line.toString()).isBetween(400, 499);
                assertNamedError(error, error.get("code").asInt(), c.badLineNames(), line.toString());
            }
        }
        assertThat(summary.at("/summary/failed").asInt()).isEqualTo((int)
                c.lines().stream().filter(l -> l.endsWith("ERROR")).count());
    }

    @Test
    void aCsvBatchWithABadLineAsCsvOutputStillEndsCleanly() {
        Api.Reply reply = client(Who.ANALYST)
                .request(
                        "POST",
                        "/api/v1/pricing/batch?format=csv",
                        CSV,
                        concat(
                                utf8(BATCH_HEADER + GOOD_ROW),
                                latin1("Développeur,15-1252,IC3,US,,,2026-05-01,\n"),
                                utf8(GOOD_ROW + "\"Developer,15-1252,IC3,US,,,2026-05-01,\n")));

        assertThat(reply.status()).isEqualTo(200);
        List<String> rows = Arrays.asList(reply.text().split("\n"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("2,OK,");
        assertThat(rows.get(2)).startsWith("3,ERROR,").contains("NOT_UTF8");
        assertThat(rows.get(3)).startsWith("4,OK,");
        assertThat(rows.get(4)).startsWith("5,ERROR,").contains("INVALID_CSV");
    }

    @Test
    void aPasswordOfExactly72BytesWorksAndIsNeverTruncated() {
        // 24 euro signs are 72 bytes in UTF-8: bcrypt reads every one of them
        String password = "€".repeat(24);
        Api.Reply created = client(Who.ADMIN)
                .postJson("/api/v1/users", newUser("bytes-72", "bytes-72@example.test", password, "VIEWER"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Api anonymous = new Api(APP.getLocalPort());

        assertThat(anonymous
                        .postJson("/api/v1/auth/login", login("username", "bytes-72", password))
                        .status())
                .isEqualTo(200);
        // one character less must fail: the last three bytes count
        assertThat(anonymous
                        .postJson("/api/v1/auth/login", login("username", "bytes-72", "€".repeat(23)))
                        .status())
                .isEqualTo(401);
        // one more byte is refused, not cut back to the 72 that would match
        Api.Reply longer = anonymous.postJson("/api/v1/auth/login", login("username", "bytes-72", password + "x"));
        assertThat(longer.status()).as(longer.text()).isEqualTo(400);
        assertThat(longer.json().at("/details/0/field").asText()).isEqualTo("password");
        assertThat(longer.json().at("/details/0/message").asText()).contains("72 bytes");
    }

    @Test
    void aQuoteWhoseFiguresOverflowIsA422NamingTheObservation() throws Exception {
        Api analyst = client(Who.ANALYST);
        Api.Reply imported = analyst.post(
                "/api/v1/market-data/observations",
                CSV,
                OBSERVATION_HEADER
                        + "sane,SURVEY,41-4141,IC3,US,,USD,ANNUAL,2026-01-01,,,100000,,,400,10\n"
                        + "huge,SURVEY,41-4141,IC3,US,,USD,ANNUAL,2026-01-01,,,1.79e308,,,400,10\n"
                        // each finite once normalised (x 1.0149 for six months of aging), but not their sum
                        + "big-a,SURVEY,42-4242,IC3,US,,USD,ANNUAL,2026-01-01,,,1.0e308,,,400,10\n"
                        + "big-b,SURVEY,42-4242,IC3,US,,USD,ANNUAL,2026-01-01,,,1.1e308,,,400,10\n");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        String request = "{\"title\":\"Dev\",\"occupationCode\":\"41-4141\",\"level\":\"IC3\",\"country\":\"US\","
                + "\"asOf\":\"2026-07-01\"}";

        Api.Reply reply = analyst.postJson("/api/v1/pricing/quotes", request);

        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        assertThat(reply.json().get("error").asText()).isEqualTo("FIGURES_OUT_OF_RANGE");
        assertNamedError(reply.json(), 422, "sourceId=huge", reply.text());
        assertThat(reply.json().get("details"))
                .extracting(d -> d.get("sourceId").asText())
                .containsExactly("huge");

        Api.Reply batch = analyst.postJson("/api/v1/pricing/batch", "[" + request + "]");
        assertThat(batch.status()).isEqualTo(200);
        JsonNode line = JSON.readTree(batch.text().split("\n")[0]);
        assertThat(line.at("/error/error").asText()).as(batch.text()).isEqualTo("FIGURES_OUT_OF_RANGE");
        assertThat(line.at("/error/details/0/sourceId").asText()).isEqualTo("huge");

        Api.Reply blend = analyst.postJson("/api/v1/pricing/quotes", request.replace("41-4141", "42-4242"));
        assertThat(blend.status()).as(blend.text()).isEqualTo(422);
        assertThat(blend.json().get("error").asText()).isEqualTo("FIGURES_OUT_OF_RANGE");
        assertThat(blend.json().get("details"))
                .extracting(d -> d.get("sourceId").asText())
                .containsExactly("big-b");
    }
}
