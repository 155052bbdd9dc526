package org.jobpricing.plugins.onetenricher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jobpricing.plugin.api.OccupationMatch;

/**
 * bench/title-eval in one run: top-1 and top-3 (SOC 2018 detailed codes) of the token baseline, today's
 * BM25 (the plugin before issue 18, {@link LegacyOccupationMatcher}) and the matcher, on O*NET's reported
 * titles held out of the index (fold 0 fits, fold 1 tests), the hand-written real-style titles and the older
 * hand-written set; the reliability table of the calibrated confidence; level hints; throughput.
 *
 * <p>Arguments: the bench/title-eval directory, then any of {@code --tune} (grid-search the weights on
 * fold 0 and print the best), {@code --fit FILE} (fit the calibration on fold 0 and write it to FILE),
 * {@code --misses}.
 */
public final class TitleEval {

    private TitleEval() {}

    /** The evaluation's data: the indexes and the labelled sets. */
    record Setup(
            OnetData shipped,
            OnetData heldOut,
            List<EvalTitle> fit,
            List<EvalTitle> test,
            List<EvalTitle> realStyle,
            List<EvalTitle> handwritten) {

        static Setup load(Path bench) throws Exception {
            OnetData shipped = OnetData.bundled();
            Path reported = bench.resolve("onet-reported-titles.tsv");
            OnetData heldOut = ReferenceTitles.without(shipped, EvalTitle.allReported(reported));
            EmploymentPrior prior = EmploymentPrior.bundled(shipped.occupations().stream()
                    .map(OnetData.Occupation::code)
                    .toList());
            return new Setup(
                    shipped,
                    heldOut,
                    EvalTitle.jobWeighted(EvalTitle.reported(reported, shipped, 0), prior),
                    EvalTitle.jobWeighted(EvalTitle.reported(reported, shipped, 1), prior),
                    EvalTitle.realStyle(bench.resolve("real-style-titles.csv")),
                    EvalTitle.handwritten(bench.resolve("labelled-titles.csv")));
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Setup s = Setup.load(Path.of(args[0]));
        OccupationMatcher heldOut = OccupationMatcher.of(s.heldOut());
        OccupationMatcher shipped = OccupationMatcher.of(s.shipped());
        System.out.printf(
                Locale.ROOT,
                "index: %d titles held out (all %d reported titles); fold 0 (fit) %d, fold 1 (test) %d,"
                        + " real-style %d, handwritten %d%n",
                s.shipped().alternateTitles().size()
                        - s.heldOut().alternateTitles().size(),
                EvalTitle.allReported(Path.of(args[0]).resolve("onet-reported-titles.tsv"))
                        .size(),
                s.fit().size(),
                s.test().size(),
                s.realStyle().size(),
                s.handwritten().size());

        if (options.contains("--speed")) {
            throughput(shipped, s.realStyle());
            return;
        }
        OccupationMatcher.Weights weights = OccupationMatcher.DEFAULT;
        if (options.contains("--tune")) {
            weights = Tuning.tune(heldOut, s.fit());
            System.out.println("best weights on fold 0: " + weights);
            heldOut = heldOut.with(Calibration.identity(), weights);
            shipped = shipped.with(Calibration.identity(), weights);
        }
        int fit = options.indexOf("--fit");
        if (fit >= 0) {
            Calibration calibration = Tuning.calibrate(heldOut, s.fit(), weights);
            List<String> lines = new ArrayList<>();
            lines.add(
                    "# Fitted by bench/title-eval (TitleEval --fit): logistic regression of 'this candidate is right' on");
            lines.add(
                    "# the top-3 candidates of fold 0 of the O*NET reported titles held out of the index, each title");
            lines.add("# weighted by the employment of its occupation. Matcher " + weights + ".");
            lines.add("# Refit with bench/title-eval/run.sh --fit whenever the matcher or its weights change.");
            lines.add("feature\tcoefficient");
            lines.addAll(calibration.lines());
            Files.write(Path.of(args[fit + 1]), lines, StandardCharsets.UTF_8);
            System.out.println("wrote the calibration " + calibration.lines() + " to " + args[fit + 1]);
            heldOut = heldOut.with(calibration, weights);
            shipped = shipped.with(calibration, weights);
        }

        if (options.contains("--misses")) {
            misses(shipped, s.realStyle());
            misses(heldOut, s.fit().subList(0, Math.min(200, s.fit().size())));
            return;
        }
        TokenBaseline tokenHeldOut = new TokenBaseline(s.heldOut());
        TokenBaseline tokenShipped = new TokenBaseline(s.shipped());
        LegacyOccupationMatcher legacyHeldOut = new LegacyOccupationMatcher(LegacyTitleIndex.build(s.heldOut()));
        LegacyOccupationMatcher legacyShipped = new LegacyOccupationMatcher(LegacyTitleIndex.build(s.shipped()));

        System.out.printf(
                Locale.ROOT,
                "%n%-26s %-34s %5s %7s %7s %8s %8s%n",
                "method",
                "titles (index)",
                "n",
                "top-1",
                "top-3",
                "jobs: 1",
                "jobs: 3");
        for (String[] set : new String[][] {
            {"reported fold 0 (fit), held out", "fit"},
            {"reported fold 1 (test), held out", "test"},
            {"real-style, shipped index", "real"},
            {"handwritten-64, shipped index", "hand"}
        }) {
            List<EvalTitle> titles = set(s, set[1]);
            boolean held = set[1].equals("fit") || set[1].equals("test");
            TokenBaseline token = held ? tokenHeldOut : tokenShipped;
            LegacyOccupationMatcher legacy = held ? legacyHeldOut : legacyShipped;
            row("token-IDF baseline", set[0], titles, t -> token.match(t, 10));
            row(
                    "today's BM25 (before #18)",
                    set[0],
                    titles,
                    t -> legacy.match(t, null, 10).stream()
                            .map(OccupationMatch::code)
                            .toList());
            row("matcher (#18)", set[0], titles, codes(held ? heldOut : shipped));
        }

        System.out.println();
        Reliability.of(heldOut, s.test(), true).print("reported fold 1 (test), held out, job-weighted");
        Reliability.of(heldOut, s.test(), false).print("reported fold 1 (test), held out, unweighted");
        Reliability.of(shipped, s.realStyle(), false).print("real-style, shipped index");
        Reliability.of(heldOut, s.fit(), true).print("reported fold 0 (fit: in-sample), held out, job-weighted");

        levels(shipped, s.realStyle());
        throughput(shipped, s.realStyle());
    }

    static List<EvalTitle> set(Setup s, String name) {
        return switch (name) {
            case "fit" -> s.fit();
            case "test" -> s.test();
            case "real" -> s.realStyle();
            default -> s.handwritten();
        };
    }

    static Function<String, List<String>> codes(OccupationMatcher matcher) {
        return t ->
                matcher.match(t, null, 3).stream().map(OccupationMatch::code).toList();
    }

    private static void row(String method, String titles, List<EvalTitle> set, Function<String, List<String>> matcher) {
        Accuracy a = Accuracy.of(set, matcher);
        boolean weighted = set.stream().anyMatch(t -> t.weight() != 1);
        System.out.printf(
                Locale.ROOT,
                "%-26s %-34s %5d %7.3f %7.3f %8s %8s%n",
                method,
                titles,
                a.titles(),
                a.top1(),
                a.top3(),
                weighted ? String.format(Locale.ROOT, "%.3f", a.weightedTop1()) : "",
                weighted ? String.format(Locale.ROOT, "%.3f", a.weightedTop3()) : "");
    }

    /** Level hints on the real-style titles: exact level, and hints where none was expected. */
    static double[] levels(OccupationMatcher matcher, List<EvalTitle> set) {
        int right = 0;
        int withLevel = 0;
        int levelRight = 0;
        int spurious = 0;
        for (EvalTitle t : set) {
            String hint = TitleNormaliser.analyse(t.title()).level();
            right += java.util.Objects.equals(hint, t.level()) ? 1 : 0;
            if (t.level() != null) {
                withLevel++;
                levelRight += t.level().equals(hint) ? 1 : 0;
            } else if (hint != null) {
                spurious++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nlevel hints, real-style: %d/%d titles as labelled (%.3f); %d/%d titles with a level word get"
                        + " that level; %d of %d without one get a hint%n",
                right,
                set.size(),
                (double) right / set.size(),
                levelRight,
                withLevel,
                spurious,
                set.size() - withLevel);
        return new double[] {(double) right / set.size(), (double) levelRight / withLevel};
    }

    /**
     * Titles per second matched by two threads (the machine has two cores) for five seconds after a
     * warm-up: by the wall clock, and by the threads' own CPU time (what two free cores would do; the wall
     * figure falls when other processes share the cores). Prints the load average beside them.
     */
    static double[] throughput(OccupationMatcher matcher, List<EvalTitle> set) throws Exception {
        List<String> titles = set.stream().map(EvalTitle::title).toList();
        for (int i = 0; i < 3; i++) {
            titles.forEach(t -> matcher.match(t, null, 3));
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int thread = 0; thread < 2; thread++) {
            int offset = thread * 7;
            counts.add(pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long n = 0;
                while (!stop.get()) {
                    matcher.match(titles.get((int) ((n + offset) % titles.size())), null, 3);
                    n++;
                }
                return new long[] {n, cpu.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        Thread.sleep(5_000);
        stop.set(true);
        long total = 0;
        long cpuNanos = 0;
        for (Future<long[]> c : counts) {
            total += c.get()[0];
            cpuNanos += c.get()[1];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double rate = total / seconds;
        double perCpuSecond = total / (cpuNanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "%nthroughput: %,.0f titles/s by the wall clock (2 threads, %d real-style titles in a loop, limit 3,"
                        + " %.1f s, load average %.1f); %.0f µs of CPU per title, so %,.0f titles/s on 2 free cores%n",
                rate,
                titles.size(),
                seconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                1e6 / perCpuSecond,
                2 * perCpuSecond);
        return new double[] {rate, 2 * perCpuSecond};
    }

    private static void misses(OccupationMatcher matcher, List<EvalTitle> set) {
        for (EvalTitle title : set) {
            List<OccupationMatch> top = matcher.match(title.title(), null, 3);
            List<String> socs =
                    Accuracy.socs(top.stream().map(OccupationMatch::code).toList());
            if (socs.isEmpty() || !title.socs().contains(socs.get(0))) {
                System.out.printf(
                        Locale.ROOT,
                        "miss %-42s [%s] expected %s got %s%n",
                        title.title(),
                        TitleNormaliser.normalise(title.title()),
                        title.socs(),
                        top.stream()
                                .map(m -> String.format(Locale.ROOT, "%s %s %.2f", m.code(), m.title(), m.score()))
                                .toList());
            }
        }
    }
}
