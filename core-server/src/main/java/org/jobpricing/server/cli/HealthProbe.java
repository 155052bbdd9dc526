package org.jobpricing.server.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Container health check: exits 0 when the URL answers 2xx, 1 otherwise (no curl needed in the image). */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8081/healthcheck";
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(4))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() / 100 == 2 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
