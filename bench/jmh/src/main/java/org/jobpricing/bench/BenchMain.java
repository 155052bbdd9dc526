package org.jobpricing.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PricingBenchmark} and prints ns/op of each side, allocation per op and the ratio (target
 * rules ≤ 3 × hand-written). Arguments: {@code [--quick]}, or {@code --profile DIR}: only the rules
 * benchmark, longer, with a flight recording of its fork written under DIR (nothing printed but JMH's
 * own output).
 */
public final class BenchMain {

    private static final String[] JVM_ARGS = {"-Xms1g", "-Xmx1g",
        // POI logs through the Log4j API, which has no provider here: keep it quiet
        "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory"};

    private BenchMain() {
    }

    /** The rules benchmark alone under JFR (10 ms CPU sampling): where its time goes. */
    private static void profile(String dir) throws Exception {
        new Runner(new OptionsBuilder()
                .include(PricingBenchmark.class.getName() + "\\.rules$")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend(JVM_ARGS[0], JVM_ARGS[1], JVM_ARGS[2], "-XX:FlightRecorderOptions:stackdepth=256")
                .addProfiler("jfr", "dir=" + dir + ";configName=profile")
                .build()).run();
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String profileDir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--profile")) {
                profileDir = args[++i];
            }
        }
        if (profileDir != null) {
            profile(profileDir);
            return;
        }
        // fail before measuring anything when the two implementations disagree
        SameFigures.check(PricingBenchmark.defaultRules());
        System.out.println("jmh: rules and hand-written pricing agree to the cent on both worked examples; the engine-free run writes the rules' explanation word for word");

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PricingBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(quick ? 2 : 4).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend(JVM_ARGS)
                .addProfiler(GCProfiler.class);
        Collection<RunResult> results = new Runner(options.build()).run();
        double rules = score(results, "rules");
        double hand = score(results, "handWritten");
        System.out.printf(Locale.ROOT, "jmh: rules (Drools, default rule set)  %10.1f ns/op  %8.0f B/op%n", rules,
                allocation(results, "rules"));
        System.out.printf(Locale.ROOT, "jmh: hand-written Java                 %10.1f ns/op  %8.0f B/op%n", hand,
                allocation(results, "handWritten"));
        double free = score(results, "engineFree");
        System.out.printf(Locale.ROOT, "jmh: engine-free (same facts, no Drools) %8.1f ns/op  %8.0f B/op%n", free,
                allocation(results, "engineFree"));
        System.out.printf(Locale.ROOT, "jmh: ratio rules / engine-free         %10.1f x      (what Drools itself costs)%n",
                rules / free);
        double ratio = rules / hand;
        System.out.printf(Locale.ROOT, "jmh: ratio rules / hand-written        %10.1f x      (target <= 3x: %s)%n", ratio,
                ratio <= 3 ? "met" : "MISSED");
    }

    private static RunResult run(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method));
    }

    private static double score(Collection<RunResult> results, String method) {
        return run(results, method).getPrimaryResult().getScore();
    }

    private static double allocation(Collection<RunResult> results, String method) {
        Result<?> norm = run(results, method).getSecondaryResults().get("gc.alloc.rate.norm");
        return norm == null ? Double.NaN : norm.getScore();
    }
}
