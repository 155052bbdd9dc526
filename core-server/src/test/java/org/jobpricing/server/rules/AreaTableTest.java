package org.jobpricing.server.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The area table (method §11): read as data, and refused when a region, an index or a code is wrong. */
class AreaTableTest {

    static List<RuleSource> defaults;

    @BeforeAll
    static void load() throws Exception {
        defaults = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()));
    }

    static List<RuleSource> edit(String from, String to) {
        RuleSource areas = defaults.stream()
                .filter(s -> s.name().equals("areas.drl.csv"))
                .findFirst()
                .orElseThrow();
        assertThat(areas.text()).contains(from);
        return defaults.stream()
                .map(s -> s == areas
                        ? new RuleSource(s.name(), s.text().replace(from, to).getBytes(StandardCharsets.UTF_8))
                        : s)
                .toList();
    }

    static int lineOf(String row) {
        RuleSource areas = defaults.stream()
                .filter(s -> s.name().equals("areas.drl.csv"))
                .findFirst()
                .orElseThrow();
        List<String> lines = areas.text().lines().toList();
        return lines.indexOf(row) + 1;
    }

    @Test
    void aTableWrittenWithTheOlderInAreaConditionIsStillReadAndPricesTheSame() throws Exception {
        List<RuleSource> older = edit("\"area == \"\"$param\"\"\"", "\"inArea(\"\"$param\"\")\"");
        assertThat(AreaTable.of(older).find("US-41860"))
                .isEqualTo(AreaTable.of(defaults).find("US-41860"));

        RuleEngine engine = new RuleEngine(new RuleSetCompiler().compile(older));
        RuleEngine shipped = new RuleEngine(new RuleSetCompiler().compile(defaults));
        for (String area : new String[] {"US-41860", "US-CA", "US-XYZ"}) {
            PricingRulesTest.Case before = new PricingRulesTest.Case("IC3", "US", area, "USD")
                    .candidate(
                            "country", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null,
                            100000.0, null, null);
            PricingRulesTest.Case now = new PricingRulesTest.Case("IC3", "US", area, "USD")
                    .candidate(
                            "country", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null,
                            100000.0, null, null);
            assertThat(now.price(shipped).getCandidates().get(0).getFactor())
                    .as(area)
                    .isEqualTo(before.price(engine).getCandidates().get(0).getFactor());
        }
        assertThat(new PricingRulesTest.Case("IC3", "US", "US-41860", "USD")
                        .candidate(
                                "country", "SURVEY", "EXACT", false, "USD", "ANNUAL", 0, 50, null, 1.0, null, null,
                                100000.0, null, null)
                        .price(engine)
                        .getCandidates()
                        .get(0)
                        .getFactor())
                .isEqualTo(1.325);
    }

    @Test
    void theShippedTableHasEveryStateAndOewsAreaWithItsRegionAndIndex() {
        AreaTable table = AreaTable.of(defaults);

        // 50 states + DC + 3 territories, 393 metropolitan and 137 nonmetropolitan areas
        assertThat(table.size()).isEqualTo(584);
        assertThat(table.find("US-CA").orElseThrow())
                .isEqualTo(new AreaTable.Area("US-CA", null, 1.164, "areas.drl.csv", lineOf("US-CA,,1.164")));
        assertThat(table.find("US-41860").orElseThrow().region()).isEqualTo("US-CA");
        assertThat(table.find("US-41860").orElseThrow().index()).isEqualTo(1.325);
        assertThat(table.regionOf("US-0600003")).isEqualTo("US-CA");
        assertThat(table.regionOf("US-CA")).isNull();
        assertThat(table.regionOf("US-NOPE")).isNull();
        assertThat(table.find("US-NY").orElseThrow().index()).isEqualTo(1.143);
        assertThat(table.find("US-35620").orElseThrow().index()).isEqualTo(1.189);
        assertThat(table.find("US-TX").orElseThrow().index()).isEqualTo(0.916);
        assertThat(table.find("US-12420").orElseThrow().index()).isEqualTo(0.967);
        assertThat(table.find("US-MS").orElseThrow().index()).isEqualTo(0.797);
        assertThat(table.all())
                .allSatisfy(a -> assertThat(
                                a.region() == null || table.find(a.region()).isPresent())
                        .isTrue());
    }

    @Test
    void aRegionThatIsNotItselfARowIsRefusedAtItsLineAndColumn() {
        int line = lineOf("US-41860,US-CA,1.325");

        List<RuleProblem> problems = RuleSetLinter.check(edit("US-41860,US-CA,1.325", "US-41860,US-CQ,1.325"));

        assertThat(problems)
                .containsExactly(new RuleProblem(
                        "areas.drl.csv", line, 2, "Area index: region US-CQ of US-41860 is not itself a row"));
    }

    @Test
    void anIndexOfZeroOrLessIsRefusedAtItsCell() {
        int line = lineOf("US-41860,US-CA,1.325");

        assertThat(TableCells.check(edit("US-41860,US-CA,1.325", "US-41860,US-CA,0")))
                .containsExactly(new RuleProblem(
                        "areas.drl.csv",
                        line,
                        3,
                        "Area index, column Index: 0 is out of range: it must be an area index > 0"));
        assertThat(TableCells.check(edit("US-41860,US-CA,1.325", "US-41860,US-CA,-1.2")))
                .extracting(RuleProblem::line)
                .containsExactly(line);
    }

    @Test
    void twoRowsForOneCodeAreRefused() {
        int first = lineOf("US-41860,US-CA,1.325");

        List<RuleProblem> problems =
                RuleSetLinter.check(edit("US-41860,US-CA,1.325", "US-41860,US-CA,1.325\nUS-41860,US-CA,1.4"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("areas.drl.csv");
        assertThat(problems.get(0).line()).isEqualTo(first + 1);
        assertThat(problems.get(0).message()).contains("repeats the conditions of line " + first);
    }

    @Test
    void aStarRowIsRefused() {
        List<RuleProblem> problems = RuleSetLinter.check(edit("US-WY,,", "*,,1.000\nUS-WY,,"));

        assertThat(problems)
                .extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("* is not an area"));
    }

    @Test
    void theCompilerRefusesABrokenAreaTableBeforeItCompiles() {
        assertThatThrownBy(() -> new RuleSetCompiler().compile(edit("US-41860,US-CA,1.325", "US-41860,US-CA,abc")))
                .isInstanceOf(RuleCompilationException.class);
    }
}
