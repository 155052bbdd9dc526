package org.jobpricing.plugins.jobpostings;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local postings API on 127.0.0.1: serves recorded pages ({@code postings/pageN.json}) whatever the
 * dates asked for, answers scripted failures first, and records every request it was sent.
 */
final class FakePostingsApi implements AutoCloseable {

    /** A request as received: its query parameters and its API key header (null when absent). */
    record Request(Map<String, String> query, String apiKey) {
        int page() {
            return Integer.parseInt(query.get("page"));
        }
    }

    /** A canned answer. */
    record Reply(int status, Map<String, String> headers, String body) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> scripted = new ConcurrentLinkedDeque<>();
    private final Map<Integer, Reply> failingPages = new ConcurrentHashMap<>();
    private final int pages;
    private final HttpServer server;

    /** Serves {@code postings/page1.json} .. {@code postings/page<pages>.json}. */
    FakePostingsApi(int pages) {
        this.pages = pages;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/postings", this::handle);
        server.start();
    }

    /** The base URL to configure. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Answers the next request with this reply, before any recorded page. */
    void thenReply(int status, Map<String, String> headers, String body) {
        scripted.add(new Reply(status, headers, body));
    }

    /** Answers every request for {@code page} with {@code status}. */
    void failPage(int page, int status) {
        failingPages.put(page, new Reply(status, Map.of(), "{\"error\": \"down\"}"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        requests.add(new Request(query, exchange.getRequestHeaders().getFirst(PostingsClient.API_KEY_HEADER)));
        Reply reply = scripted.poll();
        if (reply == null) {
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            reply = failingPages.containsKey(page)
                    ? failingPages.get(page)
                    : page >= 1 && page <= pages
                            ? new Reply(200, Map.of(), resource("postings/page" + page + ".json"))
                            : new Reply(404, Map.of(), "{}");
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return query;
    }

    static String resource(String name) {
        try (InputStream in = FakePostingsApi.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
