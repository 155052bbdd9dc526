package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jobpricing.plugin.api.JobEnricher;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.SkillMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the packaged (shaded) plugin jar the way the server does, from a plugins directory with a real
 * PF4J plugin manager. Failsafe runs it with neither this module's classes nor Lucene on the classpath,
 * so everything the extension needs must come from the jar.
 */
class OnetEnricherPluginIT {

    @TempDir
    Path plugins;

    private PluginManager manager;

    @BeforeEach
    void loadThePluginJar() throws Exception {
        Path jar = Path.of(System.getProperty("onet.plugin.jar"));
        Files.copy(jar, plugins.resolve("onet-enricher.jar"));
        manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(MarketDataSource.API_VERSION);
        manager.loadPlugins();
        manager.startPlugins();
    }

    @AfterEach
    void unload() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }

    @Test
    void theJarIsAStartedPluginWithOneEnricher() {
        PluginWrapper plugin = manager.getPlugin("onet-enricher");

        assertThat(plugin).isNotNull();
        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(plugin.getDescriptor().getPluginClass()).isEqualTo("org.pf4j.Plugin");
        assertThat(manager.getExtensions(JobEnricher.class, "onet-enricher"))
                .singleElement()
                .satisfies(e -> assertThat(e.getClass().getName())
                        .isEqualTo("org.jobpricing.plugins.onetenricher.OnetEnricher"));
    }

    @Test
    void theEnricherWorksFromThePluginClassLoader() {
        JobEnricher enricher =
                manager.getExtensions(JobEnricher.class, "onet-enricher").get(0);

        List<OccupationMatch> matches = enricher.matchOccupations("Sr. Software Dev", null, 3);
        List<SkillMatch> skills = enricher.extractSkills("Java, Python and Docker", 5);

        assertThat(enricher.name()).isEqualTo("onet-enricher");
        assertThat(matches).first().satisfies(m -> {
            assertThat(m.code()).isEqualTo("15-1252.00");
            assertThat(m.title()).isEqualTo("Software Developers");
        });
        assertThat(skills).extracting(SkillMatch::name).containsExactlyInAnyOrder("Oracle Java", "Python", "Docker");
        assertThat(enricher.skillsFor("29-1141.00", 5)).hasSize(5);
    }

    @Test
    void luceneComesFromTheJarWithItsCodecs() throws Exception {
        ClassLoader pluginLoader = manager.getPluginClassLoader("onet-enricher");

        Class<?> codec = Class.forName("org.apache.lucene.codecs.Codec", true, pluginLoader);
        @SuppressWarnings("unchecked")
        Set<String> codecs = (Set<String>) codec.getMethod("availableCodecs").invoke(null);

        assertThat(codec.getClassLoader()).isSameAs(pluginLoader);
        assertThat(codecs).contains("Lucene912");
        assertThatThrownBy(() -> Class.forName("org.apache.lucene.codecs.Codec"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(JobEnricher.class.getClassLoader()).isNotSameAs(pluginLoader);
    }
}
