package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            nullValues = "NULL",
            value = {
                "Sr. Java Dev II              | java developer",
                "Programmer Analyst JC60      | programmer analyst",
                "R-1234 Registered Nurse      | registered nurse",
                "RN - ICU (Nights)            | registered nurse icu",
                "REQ#2231 Staff Acct I        | accountant",
                "Jr. Software Engr, Level 3   | software engineer",
                "IT Proj Mgr                  | information technology project manager",
                "HR Generalist Sr             | human resources generalist",
                "Cust Svc Rep 2 (Part-Time)   | customer service representative",
                "Forklift Operator 2nd Shift  | forklift operator",
                "Lead Carpenter               | carpenter",
                "School Principal             | school principal",
                "Principal                    | principal",
                "C++ / C# Developer           | cplusplus csharp developer",
                "911 Dispatcher               | 911 dispatcher",
                "3D Artist                    | 3d artist",
                "K-12 Teacher                 | k12 teacher",
                "Admin Asst & Receptionist    | administrator assistant receptionist",
                "Bus. Analyst                 | business analyst",
                "Bus Driver                   | bus driver",
                "Spec Ed Teacher              | special education teacher",
                "Paediatric Nurse             | pediatric nurse",
                "Frontend Dev                 | front end developer",
                "Sr. SWE                      | software engineer",
                "it manager                   | it manager",
                "JC60                         | ''",
                "''                           | ''",
                "NULL                         | ''"
            })
    void normalisesTitles(String raw, String normalised) {
        assertThat(TitleNormaliser.normalise(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "Sr. SWE                           | IC4",
                "Software Engineer II              | IC2",
                "Jr. Web Dev                       | IC1",
                "Software Engineering Intern       | IC1",
                "Staff Software Engineer           | IC5",
                "Lead Data Scientist               | IC5",
                "Principal Engineer                | IC6",
                "Sr. Java Dev II                   | IC4",
                "Associate Software Engineer       | IC2",
                "Sales Manager                     | M1",
                "Sr. Manager, Software Engineering | M2",
                "Director of Finance               | M3",
                "Head of Marketing                 | M3",
                "Sr. Director of Finance           | M4",
                "VP Sales                          | M4",
                "SVP Human Resources               | M5",
                "Chief Financial Officer           | M5",
                "Staff Accountant                  | NULL",
                "School Principal                  | NULL",
                "Principal                         | NULL",
                "Registered Nurse                  | NULL"
            })
    void keepsTheSeniorityWordsAsALevelHint(String raw, String level) {
        assertThat(TitleNormaliser.analyse(raw).level()).isEqualTo(level);
    }

    @Test
    void theHeadWordIsWhatTheJobIs() {
        assertThat(TitleNormaliser.analyse("Sr. Software Engineer - Payments").head())
                .isEqualTo("engineer");
        assertThat(TitleNormaliser.analyse("Assistant Professor of Computer Science")
                        .head())
                .isEqualTo("professor");
        assertThat(TitleNormaliser.analyse("Head of Marketing").head()).isEqualTo("marketing");
        assertThat(TitleNormaliser.analyse("RN - Med Surg").head()).isEqualTo("nurse");
    }

    @Test
    void everyLevelHintIsALevelOfTheLevelTable() throws Exception {
        String table = Files.readString(Path.of("../../rules/levels.drl.csv"));
        Matcher row = Pattern.compile("(?m)^(IC\\d|M\\d),").matcher(table);
        List<String> levels = new java.util.ArrayList<>();
        while (row.find()) {
            levels.add(row.group(1));
        }

        assertThat(TitleWords.LEVELS).isEqualTo(levels);
        assertThat(TitleWords.bundled().levels().values())
                .hasSizeGreaterThan(30)
                .allSatisfy(w -> assertThat(levels).contains(w.level()));
    }
}
