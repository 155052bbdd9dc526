package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jobpricing.plugin.api.JobEnricher;
import org.jobpricing.plugin.api.OccupationMatch;
import org.junit.jupiter.api.Test;

/**
 * Guards the accuracy measured by bench/title-eval against regressions, with thresholds well below the
 * measured values (see bench/README.md).
 */
class TitleAccuracyTest {

    private static final Path LABELLED = Path.of("../../bench/title-eval/labelled-titles.csv");

    @Test
    void handWrittenMessyTitles() throws Exception {
        List<LabelledTitle> set = LabelledTitle.from(LabelledTitle.read(LABELLED), LabelledTitle.HANDWRITTEN);

        JobEnricher enricher = new OnetEnricher();

        Accuracy accuracy = Accuracy.of(
                set,
                title -> enricher.matchOccupations(title, null, 3).stream()
                        .map(OccupationMatch::code)
                        .toList());

        assertThat(accuracy.titles()).isGreaterThanOrEqualTo(40);
        assertThat(accuracy.top1()).isGreaterThanOrEqualTo(0.8);
        assertThat(accuracy.top3()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void reportedTitlesHeldOutOfTheIndex() throws Exception {
        List<LabelledTitle> set = LabelledTitle.from(LabelledTitle.read(LABELLED), LabelledTitle.REPORTED);
        List<String> titles = set.stream().map(LabelledTitle::title).toList();
        OnetData heldOut = ReferenceTitles.without(OnetData.bundled(), titles);

        Accuracy accuracy = Accuracy.of(set, TitleEval.enricher(new OccupationMatcher(TitleIndex.build(heldOut))));
        Accuracy exact = Accuracy.of(set, TitleEval.exact(heldOut));

        assertThat(accuracy.titles()).isEqualTo(300);
        assertThat(exact.top3()).isZero();
        assertThat(accuracy.top1()).isGreaterThanOrEqualTo(0.45);
        assertThat(accuracy.top3()).isGreaterThanOrEqualTo(0.65);
    }
}
