package org.jobpricing.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only policy values and allowed code reach Drools: checked on the parsed DRL, before anything compiles. */
class RuleAllowlistTest {

    static List<RuleSource> defaults;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws Exception {
        defaults = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()));
    }

    static List<RuleSource> with(String name, String content) {
        List<RuleSource> files = new ArrayList<>(
                defaults.stream().filter(s -> !s.name().equals(name)).toList());
        files.add(new RuleSource(name, content.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    static List<RuleSource> edit(String file, String from, String to) {
        RuleSource original =
                defaults.stream().filter(s -> s.name().equals(file)).findFirst().orElseThrow();
        assertThat(original.text()).contains(from);
        return with(file, original.text().replace(from, to));
    }

    static String probe(String when, String then) {
        return """
                package org.jobpricing.policy.probe
                import org.jobpricing.rules.facts.MarketCandidate;
                rule "probe"
                when
                    $c: MarketCandidate(%s)
                then
                    %s
                end
                """.formatted(when, then);
    }

    @Test
    void theShippedRulesAreAllowedAndEveryCellIsAValueOfItsColumn() {
        assertThat(RuleAllowlist.check(defaults)).isEmpty();
        assertThat(TableCells.check(defaults)).isEmpty();
    }

    @Test
    void aConsequenceThatWritesAFileIsRefusedAndNeverCompiledNorRun() throws Exception {
        Path target = temp.resolve("pwned.txt");
        String drl = probe("", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + target + "\"), \"x\");");

        List<RuleProblem> problems = RuleAllowlist.check(with("probe.drl", drl));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("probe.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("rule 'probe'", "calls a method on a field access");
        });
        assertThatThrownBy(() -> new RuleSetCompiler().compile(with("probe.drl", drl)))
                .isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).problems())
                        .extracting(RuleProblem::file)
                        .containsExactly("probe.drl"));
        assertThat(Files.exists(target)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "System.exit(0);",
                "Runtime.getRuntime().exec(\"id\");",
                "new Thread(() -> {}).start();",
                "$c.getClass().forName(\"java.lang.Runtime\");",
                "$c.getClass();",
                "java.lang.System.exit(1);",
                "String s = \"x\";",
                "while (true) { $c.exclude(\"A\"); }",
                "$c = null;",
                "insert(new Object());",
                "drools.getKieRuntime().getKieBase();",
                "kcontext.getKieRuntime();",
                "$c.exclude(System.getenv(\"JWT_SECRET\"));",
                "try { $c.exclude(\"A\"); } catch (Exception e) { }",
                "modify($c) { getClass().forName(\"java.lang.Runtime\") }",
                "modify($c) { exclude(\"}\"); System.exit(0); //\") }",
                "modify($c) { exclude(\"A\") } System.exit(0);",
                "modify(System) { exit(0) }",
                "modify($c) { exclude(\"A\"), foo = 1 }",
                "modify($c) { exclude(System.getenv(\"JWT_SECRET\")) }",
                "modify($c) { new Object() }",
                "modify ($c) { exclude(\"A\")",
            })
    void consequencesBeyondFactMethodsAreRefused(String consequence) {
        assertThat(RuleAllowlist.check(with("probe.drl", probe("", consequence))))
                .as(consequence)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).isEqualTo("probe.drl"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "eval(true)",
                "sourceType == System.getProperty(\"x\")",
                "months > java.lang.Integer.MAX_VALUE",
                "getClass() != null",
                "exclude(\"A\") == null",
                "$s : sourceType",
                "sourceType memberOf $list",
                "months > new Object().hashCode()",
                "months++ > 1",
            })
    void constraintsBeyondPropertiesAndFactMethodsAreRefused(String constraint) {
        assertThat(RuleAllowlist.check(with("probe.drl", probe(constraint, "$c.exclude(\"A\");"))))
                .as(constraint)
                .isNotEmpty();
    }

    @Test
    void plainConstraintsMathAndHaltAreAllowed() {
        String drl = probe(
                "sourceType == \"SURVEY\", orgCount != null, orgCount < Math.max(5, 3), months >= -1",
                "if ($c.getSampleSize() < 10) { $c.exclude(\"SMALL\"); drools.halt(); }");
        assertThat(RuleAllowlist.check(with("probe.drl", drl))).isEmpty();
    }

    @Test
    void aModifyBlockOfFactMethodsIsAllowedAndCheckedAsTheCallsItMakes() throws Exception {
        String drl = probe(
                "exclusion == null, sourceType == \"SURVEY\"",
                "modify($c) { exclude(\"A,}\"), setAreaWeight(Math.max(0.5, 1)) }\n$c.setMatchWeight(1);");
        assertThat(RuleAllowlist.check(with("probe.drl", drl))).isEmpty();
        assertThat(AllowedCode.expandModify("modify($c) { exclude(\"A,}\"),\n setAreaWeight(1) } x();"))
                .isEqualTo("$c.exclude(\"A,}\"); $c.setAreaWeight(1); \n x();");
        new RuleSetCompiler().compile(with("probe.drl", drl));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "import java.io.File;\nrule \"r\" when $c: MarketCandidate() then $c.exclude(\"A\"); end",
                "import function java.lang.System.exit;\nrule \"r\" when $c: MarketCandidate() then $c.exclude(\"A\"); end",
                "global java.util.List out;\nrule \"r\" when $c: MarketCandidate() then $c.exclude(\"A\"); end",
                "function void f() { System.exit(0); }\nrule \"r\" when $c: MarketCandidate() then $c.exclude(\"A\"); end",
                "declare Probe name : String end\nrule \"r\" when $c: MarketCandidate() then $c.exclude(\"A\"); end",
                "query \"q\" $c: MarketCandidate() end",
                "rule \"r\" when $o: Object() then $o.toString(); end",
                "rule \"r\" when $f: java.io.File() then $f.delete(); end",
                "rule \"r\" when $c: MarketCandidate() from java.util.List.of() then $c.exclude(\"A\"); end",
                "rule \"r\" salience (System.nanoTime()) when $c: MarketCandidate() then $c.exclude(\"A\"); end",
                "rule \"r\" dialect \"mvel\" when $c: MarketCandidate() then $c.exclude(\"A\"); end",
                "rule \"r\" when $c: MarketCandidate() then $c.exclude(\"A\") end",
            })
    void declarationsTypesAndDialectsBeyondTheFactsAreRefused(String body) {
        String drl = "package org.jobpricing.policy.probe\nimport org.jobpricing.rules.facts.MarketCandidate;\n" + body;
        assertThat(RuleAllowlist.check(with("probe.drl", drl))).as(body).isNotEmpty();
    }

    @Test
    void aCellCarryingCodeIsRefusedAtItsCell() {
        List<RuleSource> files = edit("spreads.drl.csv", "IC3,0.50", "IC3,\"0.5); System.exit(0); (\"");

        assertThat(TableCells.check(files)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("spreads.drl.csv");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(2);
            assertThat(p.message()).contains("Spreads", "column Spread", "is not a number: it must be a spread > 0");
        });
        assertThat(TableCells.check(edit("levels.drl.csv", "IC4,1.20", "\"IC4\"\") || eval(true) || (\"\"\",1.20")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not a level code"));
        assertThatThrownBy(() -> new RuleSetCompiler().compile(files)).isInstanceOf(RuleCompilationException.class);
    }

    @Test
    void aTableWhoseCodeLineRunsOtherCodeIsRefusedThroughItsGeneratedDrl() {
        List<RuleSource> files = edit(
                "spreads.drl.csv", "$job.setSpread($param);", "java.lang.Runtime.getRuntime().exec(\"\"$param\"\");");

        assertThat(RuleAllowlist.check(files)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("spreads.drl.csv");
            assertThat(p.line()).isBetween(11, 21);
            assertThat(p.message()).contains("Spreads_");
        });
    }

    @Test
    void valuesOutOfTheirColumnsRangeAreErrorsAtTheirLine() {
        assertThat(TableCells.check(edit("weights.drl.csv", "HRIS,0.4", "HRIS,-0.4")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("weights.drl.csv");
                    assertThat(p.line()).isEqualTo(14);
                    assertThat(p.message()).contains("-0.4", "a weight >= 0");
                });
        assertThat(TableCells.check(edit("spreads.drl.csv", "IC3,0.50", "IC3,0")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a spread > 0"));
        assertThat(TableCells.check(edit("target-percentile.drl.csv", "*,50", "*,95")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("between 10 and 90"));
        assertThat(TableCells.check(edit("aging.drl.csv", "SG,0.04", "Singapore,0.04")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'Singapore' is not an ISO country code"));
    }

    @Test
    void changingValuesIsNotCodeButChangingTheMachineryOrADrlFileIs() {
        assertThat(RuleCode.changed(defaults, edit("spreads.drl.csv", "IC3,0.50", "IC3,0.60")))
                .isEmpty();
        assertThat(RuleCode.changed(defaults, edit("spreads.drl.csv", "M5,0.70", "M5,0.70\nM6,0.80")))
                .isEmpty();
        assertThat(RuleCode.changed(defaults, edit("spreads.drl.csv", "Level,Spread", "Job level,Band spread")))
                .isEmpty();
        assertThat(RuleCode.changed(
                        defaults, edit("spreads.drl.csv", "$job.setSpread($param);", "$job.setSpread($param * 2);")))
                .containsExactly("spreads.drl.csv");
        assertThat(RuleCode.changed(defaults, edit("spreads.drl.csv", "PRIORITY,100", "PRIORITY,1")))
                .containsExactly("spreads.drl.csv");
        assertThat(RuleCode.changed(defaults, edit("pricing.drl", "$r.weigh(50);", "$r.weigh(40);")))
                .containsExactly("pricing.drl");
        assertThat(RuleCode.changed(defaults, with("probe.drl", probe("", "$c.exclude(\"A\");"))))
                .containsExactly("probe.drl");
    }
}
