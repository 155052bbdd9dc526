package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingCorrectorTest {

    private final SpellingCorrector speller = new SpellingCorrector(
            Map.of("engineer", 40, "registered", 12, "accountant", 9, "software", 30, "java", 5, "electrician", 4));

    @Test
    void aWordOneEditFromAKnownWordBecomesIt() {
        assertThat(speller.correct("enginer")).isEqualTo("engineer"); // a letter dropped
        assertThat(speller.correct("registerd")).isEqualTo("registered");
        assertThat(speller.correct("regestered")).isEqualTo("registered"); // a letter changed
        assertThat(speller.correct("accoutant")).isEqualTo("accountant");
        assertThat(speller.correct("sofware")).isEqualTo("software");
        assertThat(speller.correct("sotfware")).isEqualTo("software"); // neighbours swapped
        assertThat(speller.correct("electricain")).isEqualTo("electrician");
        assertThat(speller.correct("engineeer")).isEqualTo("engineer"); // a letter added
    }

    @Test
    void knownShortFarAndNumberedWordsStay() {
        assertThat(speller.correct("engineer")).isEqualTo("engineer");
        assertThat(speller.correct("jav")).isEqualTo("jav"); // under five letters
        assertThat(speller.correct("kubernetes")).isEqualTo("kubernetes"); // nothing one edit away
        assertThat(speller.correct("engnr")).isEqualTo("engnr"); // three edits away
        assertThat(speller.correct("soft2ware")).isEqualTo("soft2ware");
    }
}
