package org.jobpricing.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.JobPricingApplication;

/**
 * The real server in a separate JVM process (this test run's classpath, the repository's config.yml,
 * settings as {@code -Ddw.} system properties), for tests that need two server processes on one database.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a server on {@code db}; {@code extra} are key, value pairs of settings. Waits until it answers. */
    public static ServerProcess start(TestDatabases.Db db, String... extra) throws IOException, InterruptedException {
        int port = freePort();
        Map<String, String> settings = TestApps.settings(db, extra);
        settings.put("server.applicationConnectors[0].port", String.valueOf(port));
        settings.put("server.adminConnectors[0].port", String.valueOf(freePort()));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        settings.forEach((key, value) -> command.add("-Ddw." + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JobPricingApplication.class.getName(),
                "server", TestApps.configPath()));
        Path log = Files.createTempFile("jobpricing-server-process", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log, port);
        server.awaitUp();
        return server;
    }

    private void awaitUp() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server process exited (" + process.exitValue() + "): "
                        + Files.readString(log));
            }
            try {
                HttpResponse<Void> reply = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("server process did not answer within 90 s: " + Files.readString(log));
    }

    /** What the process has logged so far. */
    public String logText() throws IOException {
        return Files.readString(log);
    }

    /** The application port. */
    public int port() {
        return port;
    }

    /** Stops the process (SIGTERM: Dropwizard stops its managed parts) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
