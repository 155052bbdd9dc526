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
 * settings as {@code -Ddw.} system properties), for tests that need two server processes on one database or
 * a server that can be killed outright.
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
        Path log = Files.createTempFile("jobpricing-server-process", ".log");
        ServerProcess server = new ServerProcess(launch(settings, List.of("server", TestApps.configPath()), log), log,
                port);
        server.awaitUp();
        return server;
    }

    /**
     * Starts another command of the application on {@code db} (e.g. {@code price}; {@code arguments} come after
     * the command's name and the config path) with the settings of a test server; output goes to {@code log}.
     */
    public static Process command(TestDatabases.Db db, Path log, String command, List<String> arguments,
                                  String... extra) throws IOException {
        List<String> all = new ArrayList<>(List.of(command, TestApps.configPath()));
        all.addAll(arguments);
        return launch(TestApps.settings(db, extra), all, log);
    }

    private static Process launch(Map<String, String> settings, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        settings.forEach((key, value) -> command.add("-Ddw." + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JobPricingApplication.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

    /**
     * Kills the process at once, as a crash or {@code kill -9} would (SIGKILL on Linux: no shutdown hook runs,
     * nothing is flushed or closed), and waits until it is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
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
