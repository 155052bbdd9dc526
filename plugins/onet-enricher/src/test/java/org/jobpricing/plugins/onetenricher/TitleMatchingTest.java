package org.jobpricing.plugins.onetenricher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobpricing.plugin.api.OccupationMatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures bench/title-eval reports, asserted on the same labelled sets, none of which built the index:
 * O*NET's reported titles held out of it (fold 1: the fold that played no part in choosing weights or
 * fitting the calibration) and the hand-written real-style titles. The thresholds are the targets
 * (top-1 ≥ 0.60, top-3 ≥ 0.80, 85 % right at a reported 0.7) or, where the measured figure is far above,
 * a margin under it (bench/RESULTS.md has the figures). Not timed: speed is measured in bench/.
 */
class TitleMatchingTest {

    private static TitleEval.Setup sets;
    private static OccupationMatcher shipped;
    private static OccupationMatcher heldOut;

    @BeforeAll
    static void load() throws Exception {
        sets = TitleEval.Setup.load(EvalTitle.BENCH);
        shipped = OccupationMatcher.of(sets.shipped());
        heldOut = OccupationMatcher.of(sets.heldOut());
    }

    @Test
    void theSetsAreLargeAndTheHeldOutTitlesAreNotInTheIndex() {
        assertThat(sets.realStyle()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(sets.test()).hasSizeGreaterThan(3000);
        assertThat(sets.fit()).hasSizeGreaterThan(3000);
        Map<String, Set<String>> exact = ReferenceTitles.exactLookup(sets.heldOut());
        assertThat(sets.test()).noneMatch(t -> exact.containsKey(LabelledTitle.key(t.title())));
        assertThat(sets.fit())
                .noneMatch(t -> sets.test().stream().anyMatch(u -> u.title().equals(t.title())));
    }

    @Test
    void realStyleTitlesReachTheTargets() {
        Accuracy accuracy = Accuracy.of(sets.realStyle(), TitleEval.codes(shipped));

        assertThat(accuracy.top1()).isGreaterThanOrEqualTo(0.80); // target 0.60
        assertThat(accuracy.top3()).isGreaterThanOrEqualTo(0.90); // target 0.80
    }

    @Test
    void reportedTitlesHeldOutOfTheIndexReachTheTargetsWhenCountedLikeJobs() {
        Accuracy accuracy = Accuracy.of(sets.test(), TitleEval.codes(heldOut));
        LegacyOccupationMatcher today = new LegacyOccupationMatcher(LegacyTitleIndex.build(sets.heldOut()));
        Accuracy before = Accuracy.of(
                sets.test(),
                t -> today.match(t, null, 10).stream()
                        .map(OccupationMatch::code)
                        .toList());

        assertThat(accuracy.weightedTop1()).isGreaterThanOrEqualTo(0.60);
        assertThat(accuracy.weightedTop3()).isGreaterThanOrEqualTo(0.80);
        // counted per title (O*NET's list, not jobs) it is harder, and still ahead of today's BM25
        assertThat(accuracy.top1()).isGreaterThan(before.top1() + 0.03);
        assertThat(accuracy.top3()).isGreaterThan(before.top3() + 0.02);
    }

    @Test
    void ofTheMatchesReportedAtSevenTenthsOrMoreAtLeast85PercentAreRight() {
        double[] real = Reliability.of(shipped, sets.realStyle(), false).atLeast(0.7);
        Reliability heldOutJobs = Reliability.of(heldOut, sets.test(), true);
        double[] reported = heldOutJobs.atLeast(0.7);

        assertThat(real[1]).isGreaterThanOrEqualTo(0.85);
        assertThat(real[0])
                .as("titles reported at 0.7 or more")
                .isGreaterThan(0.4 * sets.realStyle().size());
        assertThat(reported[1]).isGreaterThanOrEqualTo(0.85);
        assertThat(heldOutJobs.ece()).as("expected calibration error").isLessThan(0.08);
    }

    @Test
    void levelHintsAreTheLabelledLevels() {
        double[] levels = TitleEval.levels(shipped, sets.realStyle());

        assertThat(levels[0])
                .as("titles whose hint is the labelled level or none")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(levels[1]).as("titles with a level word").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void runnerUpsAreOtherSocCodesAndNeverMoreLikely() {
        for (EvalTitle t : sets.realStyle().subList(0, 100)) {
            List<OccupationMatch> matches = shipped.match(t.title(), null, 5);
            assertThat(Accuracy.socs(matches.stream().map(OccupationMatch::code).toList()))
                    .hasSameSizeAs(matches);
            for (int i = 1; i < matches.size(); i++) {
                assertThat(matches.get(i).score())
                        .isLessThanOrEqualTo(matches.get(i - 1).score());
            }
        }
    }
}
