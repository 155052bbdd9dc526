package org.jobpricing.server.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the server under test, on loopback. */
public final class Api {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** A response: status, headers and the body parsed as JSON (null when empty or not JSON). */
    public record Reply(int status, java.net.http.HttpHeaders headers, String text, JsonNode json) {}

    /** An anonymous client. */
    public Api(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    public Api withToken(String accessToken) {
        return new Api(base, accessToken);
    }

    public String token() {
        return token;
    }

    /** Logs in and returns a client carrying the access token. */
    public Api login(String username, String password) {
        Reply reply = postJson(
                "/api/v1/auth/login", "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + reply.status() + " " + reply.text());
        }
        return withToken(reply.json().get("access_token").asText());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Reply postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    public Reply post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /**
     * Any method with raw body bytes (null: no body) and extra headers as name, value pairs; for
     * bodies that are not UTF-8 text and for methods the helpers above do not cover.
     */
    public Reply request(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the JDK client can reuse a pooled connection the server has just closed; the request
                // never reached the server then, so sending it once more is safe
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
            return new Reply(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A file of src/test/resources/fixtures. */
    public static String fixture(String name) {
        try (InputStream in = Api.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
