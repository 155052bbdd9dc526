package org.jobpricing.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling rule files: errors carry file and line; the bundled copy equals the rules directory. */
class RuleSetCompilerTest {

    @Test
    void theBundledRulesAreTheRulesDirectory() throws Exception {
        List<RuleSource> directory = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir())).stream()
                .filter(s -> RuleSource.isRuleFile(s.name()))
                .toList();
        List<RuleSource> bundled = RuleSetLoader.bundled();

        assertThat(bundled)
                .extracting(RuleSource::name)
                .containsExactlyElementsOf(
                        directory.stream().map(RuleSource::name).toList());
        assertThat(RuleSetCompiler.versionOf(bundled)).isEqualTo(RuleSetCompiler.versionOf(directory));
    }

    @Test
    void aDrlSyntaxErrorNamesTheFileAndLine() throws Exception {
        List<RuleSource> sources = new ArrayList<>(RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir())));
        sources.add(new RuleSource("broken.drl", """
                package org.jobpricing.policy.broken

                rule "Broken"
                when
                    $x : String( length > )
                then
                end
                """.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> new RuleSetCompiler().compile(sources))
                .isInstanceOfSatisfying(
                        RuleCompilationException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("broken.drl");
                            assertThat(p.line()).isEqualTo(5);
                        }));
    }

    @Test
    void aBadDecisionTableCellNamesTheTable() throws Exception {
        List<RuleSource> sources = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir())).stream()
                .map(s -> s.name().equals("levels.drl.csv")
                        ? new RuleSource(
                                s.name(),
                                s.text().replace("IC3,1.00", "IC3,one").getBytes(StandardCharsets.UTF_8))
                        : s)
                .toList();

        assertThatThrownBy(() -> new RuleSetCompiler().compile(sources))
                .isInstanceOfSatisfying(
                        RuleCompilationException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.file()).isEqualTo("levels.drl.csv")));
    }

    @Test
    void onlyRuleFilesAreRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.drl"), "package x");
        Files.writeString(dir.resolve("b.drl.csv"), "RuleSet,x");
        Files.writeString(dir.resolve("README.md"), "# notes");
        Files.writeString(dir.resolve("data.csv"), "a,b");
        Files.createDirectory(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests").resolve("c.drl"), "package y");
        Files.writeString(dir.resolve("tests").resolve("d.yaml"), "scenarios: []");

        assertThat(RuleSetLoader.fromDirectory(dir))
                .extracting(RuleSource::name)
                .containsExactly("a.drl", "b.drl.csv", "tests/d.yaml");
    }

    @Test
    void anEmptyRuleSetDoesNotCompile() {
        assertThatThrownBy(() -> new RuleSetCompiler().compile(List.of()))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("no rule files");
    }
}
