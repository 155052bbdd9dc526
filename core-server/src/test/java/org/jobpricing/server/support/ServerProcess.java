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
    private final int adminPort;

    private ServerProcess(Process process, Path log, int port, int adminPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.adminPort = adminPort;
    }

    /** Starts a server on {@code db}; {@code extra} are key, value pairs of settings. Waits until it answers. */
    public static ServerProcess start(TestDatabases.Db db, String... extra) throws IOException, InterruptedException {
        return start(db, Map.of(), extra);
    }

    /**
     * Starts a server on {@code db} with {@code env} added to its environment (config.yml reads it);
     * {@code extra} are key, value pairs of settings, a null value dropping that test default so that
     * config.yml's own value (or its environment variable) applies. Waits until it answers.
     */
    public static ServerProcess start(TestDatabases.Db db, Map<String, String> env, String... extra)
            throws IOException, InterruptedException {
        int port = freePort();
        int adminPort = freePort();
        Path log = Files.createTempFile("jobpricing-server-process", ".log");
        Process process = launch(db, env, port, adminPort, log, List.of("server", TestApps.configPath()), extra);
        ServerProcess server = new ServerProcess(process, log, port, adminPort);
        server.awaitUp();
        return server;
    }

    /** How a server process that was expected to stop on its own ended: exit code and everything it printed. */
    public record Exit(int code, String output) {}

    /** Runs a server that should refuse to start; waits at most {@code timeout} for it to exit. */
    public static Exit startExpectingExit(
            TestDatabases.Db db, Map<String, String> env, Duration timeout, String... extra)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("jobpricing-server-process", ".log");
        Process process = launch(db, env, freePort(), freePort(), log, List.of("server", TestApps.configPath()), extra);
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(
                    "server process still running after " + timeout + ": " + Files.readString(log));
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    /**
     * Starts another command of the application on {@code db} (e.g. {@code price}; {@code arguments} come after
     * the command's name and the config path) with the settings of a test server; output goes to {@code log}.
     */
    public static Process command(
            TestDatabases.Db db, Path log, String command, List<String> arguments, String... extra) throws IOException {
        List<String> all = new ArrayList<>(List.of(command, TestApps.configPath()));
        all.addAll(arguments);
        return launch(db, Map.of(), freePort(), freePort(), log, all, extra);
    }

    private static Process launch(
            TestDatabases.Db db,
            Map<String, String> env,
            int port,
            int adminPort,
            Path log,
            List<String> arguments,
            String... extra)
            throws IOException {
        Map<String, String> settings = TestApps.settings(db, extra);
        settings.put("server.applicationConnectors[0].port", String.valueOf(port));
        settings.put("server.adminConnectors[0].port", String.valueOf(adminPort));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        // a test server lives for seconds: the client compiler alone starts it in about half the time
        // (40 s against 19 s measured on 2 busy cores), and no test here measures its steady speed
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        settings.forEach((key, value) -> {
            if (value != null) {
                command.add("-Ddw." + key + "=" + value);
            }
        });
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JobPricingApplication.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitUp() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        // generous: a loaded CI machine can take a minute to start a server
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "server process exited (" + process.exitValue() + "): " + Files.readString(log));
            }
            try {
                HttpResponse<Void> reply = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("server process did not answer within 180 s: " + Files.readString(log));
    }

    /** Everything the process printed so far (standard output and error). */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** The admin port (health checks, metrics). */
    public int adminPort() {
        return adminPort;
    }

    /** The application port. */
    public int port() {
        return port;
    }

    /** What the process has logged so far (the same as {@link #output()}). */
    public String logText() throws IOException {
        return output();
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
