package org.jobpricing.plugins.jobpostings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jobpricing.plugin.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleMapperTest {

    final TitleMapper bundled = TitleMapper.bundled();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "Software Engineer, 15-1252, IC3",
        "Senior Software Engineer, 15-1252, IC4",
        "Sr. Software Developer, 15-1252, IC4",
        "Junior Front-End Engineer, 15-1252, IC1",
        "Software Engineer II, 15-1252, IC2",
        "Staff Software Engineer, 15-1252, IC5",
        "Senior Staff Software Engineer, 15-1252, IC5",
        "Principal Developer, 15-1252, IC6",
        "Web Developer, 15-1254, IC3",
        "Lead Data Scientist, 15-2051, IC5",
        "Graduate Data Analyst, 15-2051, IC1",
        "Site Reliability Engineer III, 15-1244, IC3",
        "Engineering Manager, 11-9041, M1",
        "Senior Engineering Manager, 11-9041, M2",
        "Software Engineering Manager, 11-3021, M1",
        "Director of Engineering, 11-9041, M3",
        "Senior Director of Engineering, 11-9041, M4",
        "VP Marketing Manager, 11-2021, M4",
        "Registered Nurse, 29-1141, IC3"
    })
    void bundledTitlesMapToOccupationAndLevel(String title, String occupation, String level) {
        assertThat(bundled.map(title)).contains(new TitleMapper.Match(occupation, level));
    }

    @Test
    void aTitleNoPatternMatchesIsNotMapped() {
        assertThat(bundled.map("Barista")).isEmpty();
        assertThat(bundled.map("Engineer")).as("too broad to guess").isEmpty();
        assertThat(bundled.map("Software Engineering Lead"))
                .as("engineering is not engineer")
                .isEmpty();
        assertThat(bundled.map(null)).isEmpty();
    }

    @Test
    void aTitleMapFileAddsPatternsReplacesBundledOnesAndMayFixTheLevel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("titles.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "pattern,occupation_code,level",
                        "barista,35-3023,",
                        "software engineer,15-1299,",
                        "product manager,11-2021,ic3",
                        ""));

        TitleMapper mapper = TitleMapper.withFile(file);

        assertThat(mapper.map("Senior Barista")).contains(new TitleMapper.Match("35-3023", "IC4"));
        assertThat(mapper.map("Software Engineer")).contains(new TitleMapper.Match("15-1299", "IC3"));
        assertThat(mapper.map("Senior Product Manager"))
                .as("the row's level wins over seniority words")
                .contains(new TitleMapper.Match("11-2021", "IC3"));
        assertThat(mapper.map("Software Developer"))
                .as("bundled rows still apply")
                .contains(new TitleMapper.Match("15-1252", "IC3"));
    }

    @Test
    void aBadTitleMapFileListsItsProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("titles.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "pattern,occupation_code,level",
                        "barista,,",
                        "--,35-3023,",
                        "chef,35-1011,senior level",
                        ""));

        assertThatThrownBy(() -> TitleMapper.withFile(file))
                .isInstanceOfSatisfying(
                        TitleMapper.TitleMapException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new Problem(
                                                2,
                                                "occupation_code",
                                                "must be 1-20 characters of letters, digits and . _ -"),
                                        new Problem(3, "pattern", "must contain a word"),
                                        new Problem(4, "level", "must be empty or a level code such as IC3 or M1")));
    }

    @Test
    void aTitleMapFileWithAnotherHeaderIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("titles.csv");
        Files.writeString(file, "title,soc\nbarista,35-3023\n");

        assertThatThrownBy(() -> TitleMapper.withFile(file))
                .isInstanceOf(TitleMapper.TitleMapException.class)
                .hasMessageContaining("header must be exactly pattern,occupation_code,level");
    }
}
