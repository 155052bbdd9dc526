package org.jobpricing.server.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector template (plugins/template, outside the engine's build) compiled from its own sources
 * with javac and pf4j's annotation processor, packed into a jar and dropped into the plugins directory
 * of a running server: it is listed, checked, scheduled, and its data prices a quote.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TemplateConnectorTest {

    static final Path TEMPLATE =
            Path.of("..", "plugins", "template").toAbsolutePath().normalize();
    static final Path PLUGINS = emptyDirectory();
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(),
            "plugins.directory",
            PLUGINS.toString(),
            "plugins.refreshOnStartup",
            "false",
            "plugins.config.example-connector.file",
            TEMPLATE.resolve("src/test/resources/export.csv").toString(),
            "plugins.config.example-connector.sourceId",
            "acme-export",
            "plugins.config.example-connector.effectiveDate",
            "2026-01-01",
            "plugins.schedules.example",
            "*/1 * * * * *",
            "plugins.schedulerTick",
            "200ms");

    static Path emptyDirectory() {
        try {
            return Files.createTempDirectory("jobpricing-dropin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac over the template's main sources (pf4j's processor writes the extension index), then a jar. */
    static Path buildTemplate(Path out) throws IOException {
        Path classes = Files.createTempDirectory("template-classes");
        List<String> args = new ArrayList<>(List.of(
                "--release", "17", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.walk(TEMPLATE.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
                .as("template compiles")
                .isZero();
        Path jar = out.resolve("example-connector-1.0.0.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(file)) {
            for (Path root : List.of(classes, TEMPLATE.resolve("src/main/resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        zip.putNextEntry(
                                new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(f));
                        zip.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    @Test
    void aConnectorBuiltFromTheTemplateIsListedCheckedScheduledAndUsedInAQuote() throws Exception {
        Api admin = TestUsers.admin(APP);
        buildTemplate(PLUGINS);

        Api.Reply scanned = admin.post("/api/v1/plugins/scan", null, "");

        assertThat(scanned.status()).as(scanned.text()).isEqualTo(200);
        JsonNode plugin = scanned.json().get(0);
        assertThat(plugin.get("id").asText()).isEqualTo("example-connector");
        assertThat(plugin.get("state").asText()).isEqualTo("STARTED");
        assertThat(plugin.get("provider").asText()).isEqualTo("Example Corp");
        assertThat(plugin.at("/sources/0/name").asText()).isEqualTo("example");
        assertThat(plugin.at("/sources/0/schedule").asText()).isEqualTo("*/1 * * * * *");
        assertThat(plugin.at("/sources/0/configProblems")).isEmpty();

        Api.Reply check = admin.post("/api/v1/plugins/example-connector/check", null, "");
        assertThat(check.json().get(0).at("/result/ok").asBoolean())
                .as(check.text())
                .isTrue();
        assertThat(check.json().get(0).at("/result/message").asText()).isEqualTo("3 line(s) in export.csv");

        JsonNode run = scheduledRun(admin);
        assertThat(run.get("status").asText()).isEqualTo("OK");
        assertThat(run.get("rowsOut").asInt()).isEqualTo(2);
        assertThat(run.get("problems")).extracting(p -> p.get("line").asInt()).containsExactly(4);

        Api.Reply quote = TestUsers.as(APP, Role.HR_ANALYST).postJson("/api/v1/pricing/quotes", """
                {"title": "Compensation Analyst", "occupationCode": "13-1141", "level": "IC3", "country": "US",
                 "asOf": "2026-05-01"}""");
        assertThat(quote.status()).as(quote.text()).isEqualTo(201);
        assertThat(quote.text()).contains("acme-export");
    }

    /** Waits for the first scheduled run of the template's source to finish (later ones find the file unchanged). */
    static JsonNode scheduledRun(Api api) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            JsonNode first = null;
            for (JsonNode job :
                    api.get("/api/v1/market-data/jobs?source=example&limit=500").json()) {
                first = job; // newest first: the last one listed is the first run
            }
            if (first != null && !first.get("status").asText().equals("RUNNING")) {
                assertThat(first.get("trigger").asText()).isEqualTo("SCHEDULE");
                return first;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no scheduled run of the template's source within 15 s");
    }
}
