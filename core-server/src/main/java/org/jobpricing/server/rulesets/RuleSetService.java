package org.jobpricing.server.rulesets;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.server.api.RuleSetViews;
import org.jobpricing.server.core.AuditLog;
import org.jobpricing.server.db.RuleSetDao;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleCompilationException;
import org.jobpricing.server.rules.RuleEngine;
import org.jobpricing.server.rules.RuleProblem;
import org.jobpricing.server.rules.RuleSetCompiler;
import org.jobpricing.server.rules.RuleSetLinter;
import org.jobpricing.server.rules.RuleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule sets as immutable, numbered versions: validate, store, test, publish, roll back. The active
 * version lives in the database, so every server sharing it follows a publish ({@link #follow}).
 */
public final class RuleSetService {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetService.class);
    private static final int CACHED_VERSIONS = 8;

    private final Jdbi jdbi;
    private final RuleSetCompiler compiler;
    private final ScenarioRunner scenarios;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Integer, CompiledRuleSet> compiled = new ConcurrentHashMap<>();
    private RuleEngine engine;

    public RuleSetService(Jdbi jdbi, RuleSetCompiler compiler, ScenarioRunner scenarios, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.compiler = compiler;
        this.scenarios = scenarios;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Loads the active version, storing {@code directory} as the first version of an empty database.
     * With {@code directoryWins} (development) a directory that differs from the active version is
     * stored and published, so editing the files takes effect.
     */
    public RuleEngine start(List<RuleSource> directory, boolean directoryWins) throws RuleCompilationException {
        Integer active = jdbi.withExtension(RuleSetDao.class, RuleSetDao::activeVersion).orElse(null);
        if (active == null || directoryWins && !sameFiles(active, directory)) {
            RuleSetViews.Validation validation = validate(directory);
            if (validation.valid()) {
                int version = store(directory, validation.checksum(), "system",
                        active == null ? "initial rules" : "rules directory changed", active);
                activate(version, "system");
                active = version;
            } else if (active == null) {
                throw new RuleCompilationException(validation.problems());
            } else {
                LOG.error("the rules directory has {} problem(s); {} keeps serving", validation.problems().size(),
                        label(active));
                validation.problems().forEach(p -> LOG.error("  {}:{}: {}", p.file(), p.line(), p.message()));
            }
        }
        engine = new RuleEngine(compiled(active));
        LOG.info("rule set {} active", engine.active().version());
        return engine;
    }

    /** Follows the active version of the database; called periodically on every server. */
    public void follow() {
        Integer active = jdbi.withExtension(RuleSetDao.class, RuleSetDao::activeVersion).orElse(null);
        if (active != null && !label(active).equals(engine.active().version())) {
            engine.activate(compiled(active));
            LOG.info("rule set {} active (published elsewhere)", label(active));
        }
    }

    /** Compile errors and semantic problems of {@code files}; empty when they are a valid rule set. */
    public RuleSetViews.Validation validate(List<RuleSource> files) {
        List<RuleProblem> problems = new ArrayList<>(unknownFiles(files));
        String checksum = null;
        try {
            checksum = compiler.compile(files).checksum();
        } catch (RuleCompilationException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(RuleSetLinter.check(files));
        return new RuleSetViews.Validation(problems.isEmpty(), problems.isEmpty() ? checksum : null, problems);
    }

    /** Stores a valid rule set as a new draft version; a rule set with errors is refused with every problem. */
    public RuleSetViews.Version create(List<RuleSource> files, String author, String message, AuditLog.Origin origin) {
        RuleSetViews.Validation validation = validate(files);
        if (!validation.valid()) {
            audit.failure(author, "rules.version.create", "rules", origin, validation.problems().size() + " problem(s)");
            throw ApiException.badRequest("RULESET_INVALID", validation.problems().size()
                    + " problem(s) in the rule files; nothing was stored", validation.problems());
        }
        Integer parent = jdbi.withExtension(RuleSetDao.class, RuleSetDao::activeVersion).orElse(null);
        int version = store(files, validation.checksum(), author, message == null ? "" : message, parent);
        audit.success(author, "rules.version.create", "rules:" + label(version), origin, message);
        return view(version, false);
    }

    /** Stores and publishes {@code files} when they differ from the active version (the development watcher). */
    public java.util.Optional<RuleSetViews.Version> importIfChanged(List<RuleSource> files, String author,
                                                                   AuditLog.Origin origin) {
        Integer active = activeVersion();
        if (active != null && sameFiles(active, files)) {
            return java.util.Optional.empty();
        }
        RuleSetViews.Version created = create(files, author, "rules directory changed", origin);
        return java.util.Optional.of(publish(created.version(), author, origin));
    }

    /** Makes {@code version} active everywhere. */
    public RuleSetViews.Version publish(int version, String actor, AuditLog.Origin origin) {
        requireVersion(version);
        compiled(version);
        activate(version, actor);
        LOG.info("rule set {} published by {}", label(version), actor);
        audit.success(actor, "rules.publish", "rules:" + label(version), origin, null);
        return view(version, false);
    }

    /** Re-activates a version that was published before. */
    public RuleSetViews.Version rollback(int version, String actor, AuditLog.Origin origin) {
        RuleSetDao.VersionRow row = requireVersion(version);
        if (row.publishedAt() == null) {
            throw new ApiException(409, "NEVER_PUBLISHED", label(version) + " was never published; publish it instead",
                    List.of());
        }
        String from = engine.active().version();
        activate(version, actor);
        audit.success(actor, "rules.rollback", "rules:" + label(version), origin, "from " + from);
        return view(version, false);
    }

    public List<RuleSetViews.Version> list(int limit, int offset) {
        Integer active = activeVersion();
        return jdbi.withExtension(RuleSetDao.class, dao -> dao.list(limit, offset)).stream()
                .map(r -> view(r, Objects.equals(r.version(), active), null)).toList();
    }

    public RuleSetViews.Version get(int version) {
        return view(version, true);
    }

    /** Runs the version's own scenario files. */
    public RuleSetViews.TestRun test(int version) {
        List<ScenarioResult> results = scenarios.run(compiled(version), files(version));
        int passed = (int) results.stream().filter(ScenarioResult::passed).count();
        return new RuleSetViews.TestRun(version, passed, results.size() - passed, results);
    }

    /** The compiled rules of a stored version (cached). */
    public CompiledRuleSet compiled(int version) {
        CompiledRuleSet cached = compiled.get(version);
        if (cached != null) {
            return cached;
        }
        try {
            CompiledRuleSet rules = compiler.compile(files(version)).labelled(label(version));
            if (compiled.size() >= CACHED_VERSIONS) {
                compiled.keySet().stream().filter(v -> engine == null || !label(v).equals(engine.active().version()))
                        .findFirst().ifPresent(compiled::remove);
            }
            compiled.put(version, rules);
            return rules;
        } catch (RuleCompilationException e) {
            throw new ApiException(500, "RULESET_ERROR", "stored " + label(version) + " no longer compiles: "
                    + e.getMessage(), e.problems());
        }
    }

    public List<RuleSource> files(int version) {
        requireVersion(version);
        return jdbi.withExtension(RuleSetDao.class, dao -> dao.files(version)).stream()
                .map(f -> RuleSource.fromStored(f.name(), f.content()))
                .toList();
    }

    public RuleEngine engine() {
        return engine;
    }

    public static String label(int version) {
        return "v" + version;
    }

    private Integer activeVersion() {
        return jdbi.withExtension(RuleSetDao.class, RuleSetDao::activeVersion).orElse(null);
    }

    private boolean sameFiles(int version, List<RuleSource> files) {
        Map<String, String> stored = new LinkedHashMap<>();
        files(version).forEach(f -> stored.put(f.name(), f.storedText()));
        Map<String, String> given = new LinkedHashMap<>();
        files.forEach(f -> given.put(f.name(), f.storedText()));
        return stored.equals(given);
    }

    private int store(List<RuleSource> files, String checksum, String author, String message, Integer parent) {
        return jdbi.inTransaction(handle -> {
            RuleSetDao dao = handle.attach(RuleSetDao.class);
            int version = dao.maxVersion() + 1;
            dao.insertVersion(new RuleSetDao.VersionRow(version, checksum, author, message,
                    Timestamp.from(clock.instant()), parent, null));
            dao.insertFiles(files.stream().map(f -> new RuleSetDao.FileRow(version, f.name(), f.storedText())).toList());
            return version;
        });
    }

    private void activate(int version, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbi.useTransaction(handle -> {
            RuleSetDao dao = handle.attach(RuleSetDao.class);
            dao.markPublished(version, now);
            if (dao.updateActive(version, now, actor) == 0) {
                dao.insertActive(version, now, actor);
            }
        });
        if (engine != null) {
            engine.activate(compiled(version));
        }
    }

    private RuleSetDao.VersionRow requireVersion(int version) {
        return jdbi.withExtension(RuleSetDao.class, dao -> dao.find(version))
                .orElseThrow(() -> ApiException.notFound("rule set version " + version));
    }

    private RuleSetViews.Version view(int version, boolean withFiles) {
        Map<String, String> files = null;
        if (withFiles) {
            files = new LinkedHashMap<>();
            for (RuleSource f : files(version)) {
                files.put(f.name(), f.storedText());
            }
        }
        return view(requireVersion(version), Objects.equals(activeVersion(), version), files);
    }

    private static RuleSetViews.Version view(RuleSetDao.VersionRow r, boolean active, Map<String, String> files) {
        return new RuleSetViews.Version(r.version(), label(r.version()), r.checksum(), r.author(), r.message(),
                r.createdAt().toInstant(), r.parent(), r.publishedAt() == null ? null : r.publishedAt().toInstant(),
                active, files);
    }

    private static List<RuleProblem> unknownFiles(List<RuleSource> files) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource f : files) {
            if (!RuleSource.isKnownFile(f.name())) {
                problems.add(new RuleProblem(f.name(), 0, 0, "not a rule file (*.drl, *.drl.csv, *.drl.xls, "
                        + "*.drl.xlsx) nor a scenario file (tests/*.yaml)"));
            }
        }
        return problems;
    }

}
