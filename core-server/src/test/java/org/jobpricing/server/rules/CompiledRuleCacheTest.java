package org.jobpricing.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled rule sets on disk: a later compiler loads what an earlier one built, and prices the same. */
class CompiledRuleCacheTest {

    static List<RuleSource> shipped;

    @TempDir
    Path dir;

    @BeforeAll
    static void readShipped() throws Exception {
        shipped = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()));
    }

    /** A small rule set of its own: {@code factor} is the level factor of IC3. */
    static List<RuleSource> tiny(String factor) {
        String drl = "package org.jobpricing.policy.tiny\n"
                + "import org.jobpricing.rules.facts.PricingJob\n"
                + "rule \"IC3 factor\"\n"
                + "when\n"
                + "    $j: PricingJob(level == \"IC3\")\n"
                + "then\n"
                + "    $j.setLevelFactor(" + factor + ");\n"
                + "end\n";
        return List.of(new RuleSource("tiny.drl", drl.getBytes(StandardCharsets.UTF_8)));
    }

    List<Path> entries() throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".kpkgs")).sorted().toList();
        }
    }

    static PricingRulesTest.Case workedExample(String area) {
        return new PricingRulesTest.Case("IC3", "US", area, "USD")
                .candidate(
                        "survey", "SURVEY", "EXACT", true, "USD", "ANNUAL", 0, 120, 30, 1.0, 118000.0, 131000.0,
                        146000.0, 163000.0, 181000.0)
                .candidate(
                        "bls",
                        "GOVERNMENT",
                        "EXACT",
                        false,
                        "USD",
                        "HOURLY",
                        0,
                        2400,
                        null,
                        1.0,
                        55.0,
                        62.0,
                        70.0,
                        79.0,
                        90.0)
                .skills("Kubernetes", "Go");
    }

    @Test
    void aSecondCompilerLoadsTheShippedRulesAndPricesAndExplainsExactlyAsTheBuildDid() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(dir.toString());
        CompiledRuleSet built = new RuleSetCompiler(cache).compile(shipped);
        assertThat(entries()).hasSize(1);
        assertThat(Files.size(entries().get(0))).isGreaterThan(100_000);

        assertThat(CompiledRuleCache.in(dir.toString()).load(shipped)).isPresent();
        CompiledRuleSet loaded = new RuleSetCompiler(CompiledRuleCache.in(dir.toString())).compile(shipped);
        assertThat(loaded.kieBase()).isNotSameAs(built.kieBase());
        assertThat(loaded.version()).isEqualTo(built.version());
        assertThat(rules(loaded)).isEqualTo(rules(built)).isGreaterThan(500);
        assertThat(loaded.areas().find("US-41860")).isEqualTo(built.areas().find("US-41860"));

        for (String area : new String[] {null, "US-41860", "US-CA", "US-XYZ"}) {
            var fromBuild = workedExample(area);
            var fromCache = workedExample(area);
            var a = fromBuild.price(new RuleEngine(built));
            var b = fromCache.price(new RuleEngine(loaded));
            assertThat(a.getBandMid()).as("band mid in %s", area).isNotNull();
            assertThat(b.getReferencePoint()).isEqualTo(a.getReferencePoint());
            assertThat(List.of(b.getBandMin(), b.getBandMid(), b.getBandMax()))
                    .isEqualTo(List.of(a.getBandMin(), a.getBandMid(), a.getBandMax()));
            assertThat(b.getConfidenceScore()).isEqualTo(a.getConfidenceScore());
            assertThat(steps(fromCache.trace)).as("explanation in %s", area).isEqualTo(steps(fromBuild.trace));
            assertThat(fromCache.trace.warnings()).isEqualTo(fromBuild.trace.warnings());
        }
    }

    static int rules(CompiledRuleSet set) {
        return set.kieBase().getKiePackages().stream()
                .mapToInt(p -> p.getRules().size())
                .sum();
    }

    static List<String> steps(Trace trace) {
        List<String> out = new ArrayList<>();
        for (Trace.Step s : trace.steps()) {
            out.add(s.rule() + " @ " + s.file() + ":" + s.line() + " " + s.message() + " " + s.inputs() + " "
                    + s.outputs());
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    @Test
    void otherFilesAreAnotherEntryAndEachLoadsItsOwnRules() throws Exception {
        RuleSetCompiler compiler = new RuleSetCompiler(CompiledRuleCache.in(dir.toString()));
        compiler.compile(tiny("1.1"));
        compiler.compile(tiny("1.3"));
        assertThat(entries()).hasSize(2);

        RuleSetCompiler later = new RuleSetCompiler(CompiledRuleCache.in(dir.toString()));
        assertThat(levelFactor(later.compile(tiny("1.3")))).isEqualTo(1.3);
        assertThat(levelFactor(later.compile(tiny("1.1")))).isEqualTo(1.1);
        assertThat(CompiledRuleCache.in(dir.toString()).load(tiny("1.2"))).isEmpty();
    }

    static double levelFactor(CompiledRuleSet set) {
        var job = new org.jobpricing.rules.facts.PricingJob(
                "15-1252", "IC3", "US", null, "USD", java.time.LocalDate.of(2026, 7, 1), new Trace());
        var session = set.kieBase().newKieSession();
        try {
            session.insert(job);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return job.getLevelFactor();
    }

    @Test
    void aBadFileIsRefusedWhetherOrNotAnEntryOfGoodFilesExists() throws Exception {
        RuleSetCompiler compiler = new RuleSetCompiler(CompiledRuleCache.in(dir.toString()));
        compiler.compile(tiny("1.1"));
        List<RuleSource> bad = tiny("java.lang.Runtime.getRuntime().exec(\"id\").exitValue()");
        assertThatThrownBy(() -> compiler.compile(bad)).isInstanceOf(RuleCompilationException.class);
        assertThat(entries()).as("only what compiled is kept").hasSize(1);
    }

    @Test
    void aDamagedEntryIsDeletedAndTheFilesAreCompiledAgain() throws Exception {
        new RuleSetCompiler(CompiledRuleCache.in(dir.toString())).compile(tiny("1.1"));
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(CompiledRuleCache.in(dir.toString()).load(tiny("1.1"))).isEmpty();
        assertThat(entry).doesNotExist();

        CompiledRuleSet again = new RuleSetCompiler(CompiledRuleCache.in(dir.toString())).compile(tiny("1.1"));
        assertThat(levelFactor(again)).isEqualTo(1.1);
        assertThat(entries()).as("written again").hasSize(1);
        Files.write(entries().get(0), "not an entry".getBytes(StandardCharsets.UTF_8));
        assertThat(levelFactor(new RuleSetCompiler(CompiledRuleCache.in(dir.toString())).compile(tiny("1.1"))))
                .isEqualTo(1.1);
    }

    /** A class an attacker might plant: reading it must not run its code. */
    static final class Planted implements Serializable {
        static volatile boolean read;

        private void readObject(java.io.ObjectInputStream in) {
            read = true;
        }
    }

    @Test
    void anEntryHoldingOtherClassesIsRefusedBeforeAnyOfItsCodeRuns() throws Exception {
        new RuleSetCompiler(CompiledRuleCache.in(dir.toString())).compile(tiny("1.1"));
        Path entry = entries().get(0);
        // a well-formed entry (header and checksum right) whose object is not of Drools
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(body)) {
            out.writeInt(1);
            out.writeObject(new Planted());
        }
        byte[] magic = "jobpricing-kpkgs-1\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(magic);
        file.write(MessageDigest.getInstance("SHA-256").digest(body.toByteArray()));
        file.write(body.toByteArray());
        Files.write(entry, file.toByteArray());

        assertThat(CompiledRuleCache.in(dir.toString()).load(tiny("1.1"))).isEmpty();
        assertThat(Planted.read).isFalse();
        assertThat(entry).doesNotExist();
    }

    @Test
    void anUnwritableCacheOnlyCostsTheSaving() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        CompiledRuleSet compiled =
                new RuleSetCompiler(CompiledRuleCache.in(notADirectory.toString())).compile(tiny("1.1"));
        assertThat(levelFactor(compiled)).isEqualTo(1.1);
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }

    @Test
    void theLeastRecentlyUsedEntriesGoBeyondTheLimit() throws Exception {
        RuleSetCompiler compiler = new RuleSetCompiler(CompiledRuleCache.in(dir.toString()));
        for (int i = 0; i <= CompiledRuleCache.KEEP; i++) {
            compiler.compile(tiny("1." + (10 + i)));
            // file times have a coarse resolution on some file systems
            Thread.sleep(15);
        }
        assertThat(entries()).hasSize(CompiledRuleCache.KEEP);
        assertThat(CompiledRuleCache.in(dir.toString()).load(tiny("1.10")))
                .as("the oldest")
                .isEmpty();
        assertThat(CompiledRuleCache.in(dir.toString()).load(tiny("1." + (10 + CompiledRuleCache.KEEP))))
                .isPresent();
    }

    @Test
    void noDirectoryMeansNoCache() throws Exception {
        assertThat(CompiledRuleCache.in(" ").enabled()).isFalse();
        assertThat(CompiledRuleCache.none().load(tiny("1.1"))).isEmpty();
        assertThat(levelFactor(new RuleSetCompiler(CompiledRuleCache.in("")).compile(tiny("1.1"))))
                .isEqualTo(1.1);
    }
}
