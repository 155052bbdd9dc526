package org.jobpricing.server.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/** Compiles rule files (DRL and decision tables) into a {@link CompiledRuleSet}. */
public final class RuleSetCompiler {

    private static final String PACKAGE_PATH = "src/main/resources/org/jobpricing/policy/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final AtomicReference<Ahead> ahead = new AtomicReference<>();
    private final CompiledRuleCache cache;

    /** A compiler that builds every rule set it is given. */
    public RuleSetCompiler() {
        this(CompiledRuleCache.none());
    }

    /** A compiler that loads from {@code cache} what it compiled before and keeps there what it compiles. */
    public RuleSetCompiler(CompiledRuleCache cache) {
        this.cache = cache;
    }

    /**
     * Compiles {@code sources}; throws with every error, file and line when a cell is not a value of its
     * column's type, when the code is not on the {@link RuleAllowlist}, or when they do not compile.
     * Each build gets its own release id so builds never replace each other in the KIE repository.
     */
    public CompiledRuleSet compile(List<RuleSource> sources) throws RuleCompilationException {
        Ahead pending = ahead.getAndSet(null);
        if (pending != null && pending.version().equals(versionOf(sources))) {
            return pending.result();
        }
        return build(sources);
    }

    /**
     * Starts compiling {@code sources} on a background thread, so that a server's first build of its rules
     * (seconds, most of it loading the compiler) overlaps the rest of its start. The next {@link #compile}
     * takes that build when its files are the same, and otherwise builds its own; either way the slot is
     * used once.
     */
    public void compileAhead(List<RuleSource> sources) {
        String version = versionOf(sources);
        Ahead pending = ahead.get();
        if (pending != null && pending.version().equals(version)) {
            return;
        }
        CompletableFuture<CompiledRuleSet> build = new CompletableFuture<>();
        ahead.set(new Ahead(version, build));
        Thread thread = new Thread(
                () -> {
                    try {
                        build.complete(build(sources));
                    } catch (RuleCompilationException | RuntimeException | Error e) {
                        build.completeExceptionally(e);
                    }
                },
                "rules-compile-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** A build started ahead of time, for the files with this content hash. */
    private record Ahead(String version, CompletableFuture<CompiledRuleSet> build) {
        CompiledRuleSet result() throws RuleCompilationException {
            try {
                return build.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuleCompilationException refused) {
                    throw refused;
                }
                if (e.getCause() instanceof RuntimeException failed) {
                    throw failed;
                }
                throw e;
            }
        }
    }

    private CompiledRuleSet build(List<RuleSource> sources) throws RuleCompilationException {
        if (sources.stream().noneMatch(s -> RuleSource.isRuleFile(s.name()))) {
            throw new RuleCompilationException(List.of(new RuleProblem("", 0, 0, "the rule set has no rule files")));
        }
        String key = cache.enabled() ? CompiledRuleCache.keyOf(sources) : null;
        Optional<KieBase> cached = key == null ? Optional.empty() : cache.load(key);
        if (cached.isPresent()) {
            // stored only after these very files passed the checks below and compiled (CompiledRuleCache)
            String version = versionOf(sources);
            return new CompiledRuleSet(
                    version,
                    version,
                    List.copyOf(sources),
                    cached.get(),
                    RuleLocations.of(sources),
                    AreaTable.of(sources));
        }
        List<RuleProblem> unreadable = unreadableSpreadsheets(sources);
        if (!unreadable.isEmpty()) {
            throw new RuleCompilationException(unreadable);
        }
        // Drools turns cells and consequences into code, and MVEL may evaluate parts of it while
        // compiling: nothing reaches the compiler before every cell is a value and all code is allowed
        // (a bad cell is reported at its cell alone, not again as the code Drools would make of it)
        List<RuleProblem> refused = TableCells.check(sources);
        if (refused.isEmpty()) {
            refused = RuleAllowlist.check(sources);
        }
        if (!refused.isEmpty()) {
            throw new RuleCompilationException(refused);
        }
        KieServices ks = KieServices.Factory.get();
        String version = versionOf(sources);
        ReleaseId releaseId = ks.newReleaseId("org.jobpricing", "ruleset", "1.0.0-" + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (RuleSource source : sources) {
            if (RuleSource.isRuleFile(source.name())) {
                kfs.write(PACKAGE_PATH + source.name(), source.content());
            }
        }
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
        } catch (RuntimeException e) {
            // decision-table parsers throw instead of reporting; name the cause rather than fail with a 500
            throw new RuleCompilationException(
                    List.of(new RuleProblem("", 0, 0, "the rule files could not be parsed: " + e.getMessage())));
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path =
                    m.getPath() == null ? "" : m.getPath().substring(m.getPath().lastIndexOf('/') + 1);
            problems.add(new RuleProblem(
                    path, m.getLine(), m.getColumn(), m.getText().strip()));
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RuleCompilationException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        CompiledRuleSet compiled = new CompiledRuleSet(
                version,
                version,
                List.copyOf(sources),
                container.getKieBase(),
                RuleLocations.of(sources),
                AreaTable.of(sources));
        ks.getRepository().removeKieModule(releaseId);
        if (key != null) {
            cache.store(key, compiled.kieBase());
        }
        return compiled;
    }

    /** Spreadsheets that are not workbooks at all: Drools would throw on them instead of reporting. */
    private static List<RuleProblem> unreadableSpreadsheets(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.isBinary() && RuleSource.isRuleFile(source.name())) {
                try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                        new java.io.ByteArrayInputStream(source.content()))) {
                    workbook.getNumberOfSheets();
                } catch (java.io.IOException | RuntimeException e) {
                    problems.add(new RuleProblem(source.name(), 0, 0, "not a readable spreadsheet: " + e.getMessage()));
                }
            }
        }
        return problems;
    }

    /** A content hash of the files, so the same rules always have the same version. */
    static String versionOf(List<RuleSource> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sources.stream()
                    .sorted(java.util.Comparator.comparing(RuleSource::name))
                    .forEach(s -> {
                        digest.update(s.name().getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(s.content());
                        digest.update((byte) 0);
                    });
            return "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
