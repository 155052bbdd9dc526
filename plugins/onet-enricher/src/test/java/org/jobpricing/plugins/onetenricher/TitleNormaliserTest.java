package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;

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
                "JC60                         | ''",
                "''                           | ''",
                "NULL                         | ''"
            })
    void normalisesTitles(String raw, String normalised) {
        assertThat(TitleNormaliser.normalise(raw)).isEqualTo(normalised);
    }
}
