package org.jobpricing.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Semantic checks of decision tables, each placed at a file and line. */
class RuleSetLinterTest {

    static List<RuleSource> defaults;

    @BeforeAll
    static void load() throws Exception {
        defaults = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()));
    }

    static List<RuleSource> edit(String file, String from, String to) {
        List<RuleSource> edited = defaults.stream()
                .map(s -> s.name().equals(file)
                        ? new RuleSource(s.name(), s.text().replace(from, to).getBytes(StandardCharsets.UTF_8))
                        : s)
                .toList();
        assertThat(edited.stream()
                        .filter(s -> s.name().equals(file))
                        .findFirst()
                        .orElseThrow()
                        .text())
                .contains(to);
        return edited;
    }

    @Test
    void anXlsxDecisionTableIsReadWithItsRowNumbers() {
        RuleSource workbook = defaults.stream()
                .filter(s -> s.name().equals("premiums.drl.xlsx"))
                .findFirst()
                .orElseThrow();

        List<DecisionTable> tables = DecisionTable.read(workbook);

        assertThat(tables).extracting(DecisionTable::name).containsExactly("Skill premiums", "Premium cap");
        DecisionTable premiums = tables.get(0);
        assertThat(premiums.rows())
                .extracting(r -> r.line() + ":" + String.join("=", r.cells()))
                .containsExactly(
                        "12:kubernetes=0.05",
                        "13:machine learning=0.08",
                        "14:rust=0.04",
                        "15:security clearance=0.1",
                        "16:sap=0.06");
        assertThat(tables.get(1).rows())
                .singleElement()
                .satisfies(r -> assertThat(r.cells()).containsExactly("*", "0.15"));
    }

    @Test
    void theDefaultTablesAreClean() {
        assertThat(RuleSetLinter.check(defaults)).isEmpty();
    }

    @Test
    void aLevelInTheSpreadsTableMissingFromTheLevelFactorsIsAnError() {
        List<RuleProblem> problems = RuleSetLinter.check(edit("spreads.drl.csv", "M5,0.70", "M5,0.70\nM6,0.80"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("spreads.drl.csv");
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.message()).contains("level M6 has a spread but no level factor");
        });
    }

    @Test
    void overlappingRowsAndRowsHiddenBehindAStarAreErrors() {
        assertThat(RuleSetLinter.check(edit("levels.drl.csv", "IC4,1.20", "IC3,1.20")))
                .anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(14);
                    assertThat(p.message()).contains("repeats the conditions of line 13");
                });
        assertThat(RuleSetLinter.check(edit("aging.drl.csv", "SG,0.04\n*,0.03", "*,0.03\nSG,0.04")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("never used", "* row at line 12"));
    }
}
