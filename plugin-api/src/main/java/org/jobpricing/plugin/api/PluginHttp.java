package org.jobpricing.plugin.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP client the host lends plugins: JDK {@link HttpClient} with time limits, and retries of
 * 429 and 5xx answers and of connection failures, with exponential backoff that honours the server's
 * {@code Retry-After} (seconds or an HTTP date). A wait longer than the limit is not sat out: the call
 * fails, naming the wait asked for.
 */
public final class PluginHttp {

    /** Sleeps between attempts (replaceable in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A non-2xx answer that retries did not cure; the message names the status and the URL's path. */
    public static final class StatusException extends IOException {
        private final int status;

        public StatusException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final PluginHttp STANDARD = builder().build();

    private final Duration connectTimeout;
    private volatile HttpClient client;
    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final Clock clock;

    private PluginHttp(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.maxAttempts = b.maxAttempts;
        this.firstDelay = b.firstDelay;
        this.maxDelay = b.maxDelay;
        this.requestTimeout = b.requestTimeout;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /** 5 attempts, 1 s first delay doubling up to 60 s, 30 s per request (one shared, thread-safe instance). */
    public static PluginHttp standard() {
        return STANDARD;
    }

    /** The JDK client, made on first use: a context whose plugin never calls HTTP costs no client. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** GETs a URL and returns the body of its 2xx answer, retrying as described above. */
    public String get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout);
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new StatusException(
                    response.statusCode(),
                    "HTTP " + response.statusCode() + " from " + where(uri) + " after " + maxAttempts + " attempts");
        }
        return response.body();
    }

    /**
     * Sends a request, retrying 429, 5xx and connection failures; returns the last answer (which may
     * still be an error when attempts ran out) or throws the last connection failure.
     */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        IOException lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = null;
            try {
                response = client().send(request, HttpResponse.BodyHandlers.ofString());
                if (!retryable(response.statusCode())) {
                    return response;
                }
            } catch (IOException e) {
                lastFailure = e;
            }
            if (attempt >= maxAttempts) {
                if (response != null) {
                    return response;
                }
                throw new IOException(
                        "could not reach " + where(request.uri()) + " after " + attempt
                                + " attempts: "
                                + (lastFailure.getMessage() == null
                                        ? lastFailure.getClass().getSimpleName()
                                        : lastFailure.getMessage()),
                        lastFailure);
            }
            Duration wait = backoff(attempt);
            if (response != null) {
                Optional<Duration> asked = retryAfter(response);
                if (asked.isPresent() && asked.get().compareTo(maxDelay) > 0) {
                    throw new StatusException(
                            response.statusCode(),
                            "HTTP " + response.statusCode() + " from "
                                    + where(request.uri()) + " asks to retry after "
                                    + asked.get().toSeconds()
                                    + " s, more than the " + maxDelay.toSeconds() + " s limit");
                }
                wait = asked.orElse(wait);
            }
            sleeper.sleep(wait);
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private Duration backoff(int attempt) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The wait a Retry-After header asks for (delay-seconds or HTTP-date), if any and readable. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Scheme, host and path of a URL: never its query, which may carry a key. */
    private static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** Settings of a client. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 5;
        private Duration firstDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(60);
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private Clock clock = Clock.systemUTC();

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            maxAttempts = value;
            return this;
        }

        /** First backoff delay (doubled at each retry) and the longest wait, asked or computed. */
        public Builder delays(Duration first, Duration max) {
            firstDelay = first;
            maxDelay = max;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public PluginHttp build() {
            return new PluginHttp(this);
        }
    }
}
