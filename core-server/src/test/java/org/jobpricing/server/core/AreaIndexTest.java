package org.jobpricing.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The area index of method §11 from the OEWS data the bls-oews plugin ships, and the table made of it. */
class AreaIndexTest {

    static final Path DATA = Path.of(TestApps.rulesDir())
            .toAbsolutePath()
            .getParent()
            .resolve("plugins/bls-oews/src/main/resources/org/jobpricing/plugins/blsoews");

    static List<AreaIndex.Row> rows;

    @BeforeAll
    static void compute() throws IOException {
        rows = AreaIndex.compute(DATA);
    }

    @Test
    void theIndexesAreThoseOfMethodSection11() {
        Map<String, BigDecimal> index =
                rows.stream().collect(Collectors.toMap(AreaIndex.Row::code, AreaIndex.Row::index));

        assertThat(index.get("US-CA")).isEqualByComparingTo("1.164");
        assertThat(index.get("US-41860")).isEqualByComparingTo("1.325");
        assertThat(index.get("US-NY")).isEqualByComparingTo("1.143");
        assertThat(index.get("US-35620")).isEqualByComparingTo("1.189");
        assertThat(index.get("US-TX")).isEqualByComparingTo("0.916");
        assertThat(index.get("US-12420")).isEqualByComparingTo("0.967");
        assertThat(index.get("US-MS")).isEqualByComparingTo("0.797");
        // 51 states with DC, 3 territories, 393 metros and 137 nonmetro areas; the nation is no row
        assertThat(rows).hasSize(584);
        assertThat(rows.stream().filter(AreaIndex.Row::isState)).hasSize(54);
        assertThat(rows).allSatisfy(r -> assertThat(r.index()).isPositive());
    }

    @Test
    void aMetroIsInTheRegionOfTheFirstStateOfItsTitle() {
        Map<String, String> region = rows.stream()
                .filter(r -> r.region() != null)
                .collect(Collectors.toMap(AreaIndex.Row::code, AreaIndex.Row::region));

        assertThat(region.get("US-41860")).isEqualTo("US-CA");
        assertThat(region.get("US-0600003")).isEqualTo("US-CA");
        assertThat(region.get("US-35620"))
                .as("New York-Newark-Jersey City, NY-NJ")
                .isEqualTo("US-NY");
        assertThat(region.get("US-47900"))
                .as("Washington-Arlington-Alexandria, DC-VA-MD-WV")
                .isEqualTo("US-DC");
        assertThat(rows.stream().filter(r -> r.isState()).map(AreaIndex.Row::region))
                .containsOnlyNulls();
    }

    @Test
    void theShippedAreaTableIsTheCommandsOutput(@TempDir Path dir) throws Exception {
        String shipped =
                Files.readString(Path.of(TestApps.rulesDir()).resolve("areas.drl.csv"), StandardCharsets.UTF_8);

        assertThat(AreaIndex.table(rows)).isEqualTo(shipped);
        assertThat(shipped).contains("\nUS-CA,,1.164\n").contains("\nUS-41860,US-CA,1.325\n");

        Path out = dir.resolve("areas.drl.csv");
        new org.jobpricing.server.cli.AreaIndexCommand()
                .run(
                        null,
                        new net.sourceforge.argparse4j.inf.Namespace(
                                Map.of("data", DATA.toString(), "table", out.toString())));
        assertThat(Files.readString(out)).isEqualTo(shipped);
    }

    @Test
    void aFolderWithoutTheFilesIsRefusedNamingWhatIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> AreaIndex.compute(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("areas.csv");
    }
}
