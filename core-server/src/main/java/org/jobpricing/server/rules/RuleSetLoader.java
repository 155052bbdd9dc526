package org.jobpricing.server.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads rule files from the configured rules directory, or, when there is none, the copy the rules
 * module bundles on the classpath.
 */
public final class RuleSetLoader {

    /** The rule files bundled in the rules jar. */
    static final List<String> BUNDLED = List.of(
            "aging.drl.csv",
            "annualisation.drl.csv",
            "area-weights.drl.csv",
            "areas.drl.csv",
            "exclusions.drl",
            "grade-spreads.drl.csv",
            "levels.drl.csv",
            "pay-gap-categories.drl.csv",
            "pay-gap-threshold.drl.csv",
            "pay-suppression.drl.csv",
            "posting-requirements.drl.csv",
            "posting-width.drl.csv",
            "premiums.drl.xlsx",
            "pricing.drl",
            "rounding.drl.csv",
            "sample-thresholds.drl.csv",
            "spreads.drl.csv",
            "target-percentile.drl.csv",
            "weights.drl.csv");

    private static final String BUNDLE_PATH = "/org/jobpricing/ruleset/";

    private RuleSetLoader() {}

    /**
     * The rule files directly inside {@code directory} and the scenario files of its {@code tests/}
     * folder (named {@code tests/<file>}), sorted by name; anything else is ignored.
     */
    public static List<RuleSource> fromDirectory(Path directory) throws IOException {
        List<RuleSource> sources = new ArrayList<>(list(directory, ""));
        Path tests = directory.resolve("tests");
        if (Files.isDirectory(tests)) {
            sources.addAll(list(tests, "tests/"));
        }
        return sources;
    }

    private static List<RuleSource> list(Path directory, String prefix) throws IOException {
        List<RuleSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> RuleSource.isKnownFile(prefix + f.getFileName()))
                    .sorted(Comparator.comparing(Path::getFileName))
                    .toList()) {
                sources.add(new RuleSource(prefix + file.getFileName(), Files.readAllBytes(file)));
            }
        }
        return sources;
    }

    /** The rule files bundled in the rules jar. */
    public static List<RuleSource> bundled() {
        List<RuleSource> sources = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = RuleSetLoader.class.getResourceAsStream(BUNDLE_PATH + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled rule file " + name + " is missing from the rules jar");
                }
                sources.add(new RuleSource(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }
}
