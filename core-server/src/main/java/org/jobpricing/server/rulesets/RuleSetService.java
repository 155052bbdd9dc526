package org.jobpricing.server.rulesets;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jobpricing.server.api.RuleSetViews;
import org.jobpricing.server.api.ScenarioResult;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.RuleSetDao;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.failures.NotPermittedException;
import org.jobpricing.server.failures.StateConflictException;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleCode;
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

    private final RuleSetDao versions;
    private final RuleSetCompiler compiler;
    private final ScenarioRunner scenarios;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Integer, CompiledRuleSet> compiled = new ConcurrentHashMap<>();
    private RuleEngine engine;

    public RuleSetService(
            RuleSetDao versions, RuleSetCompiler compiler, ScenarioRunner scenarios, AuditLog audit, Clock clock) {
        this.versions = versions;
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
        Integer active = activeVersion();
        if (active == null || directoryWins && !sameFiles(active, directory)) {
            Checked checked = check(directory);
            RuleSetViews.Validation validation = checked.validation();
            if (validation.valid()) {
                List<RuleProblem> unready = PricingReadiness.check(checked.rules(), directory);
                validation = unready.isEmpty() ? validation : new RuleSetViews.Validation(false, null, unready);
            }
            if (validation.valid()) {
                int version = store(
                        directory,
                        validation.checksum(),
                        "system",
                        active == null ? "initial rules" : "rules directory changed",
                        active);
                // the check compiled these files already: a second build would double a first start
                compiled.put(version, checked.rules().labelled(label(version)));
                activate(version, "system");
                active = version;
            } else if (active == null) {
                throw new RuleCompilationException(validation.problems());
            } else {
                LOG.error(
                        "the rules directory has {} problem(s); {} keeps serving",
                        validation.problems().size(),
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
        Integer active = activeVersion();
        if (active != null && !label(active).equals(engine.active().version())) {
            engine.activate(compiled(active));
            LOG.info("rule set {} active (published elsewhere)", label(active));
        }
    }

    /** Compile errors and semantic problems of {@code files}; empty when they are a valid rule set. */
    public RuleSetViews.Validation validate(List<RuleSource> files) {
        return check(files).validation();
    }

    /** A validation and, when the files compiled, the compiled rules (so a caller need not compile twice). */
    private record Checked(RuleSetViews.Validation validation, CompiledRuleSet rules) {}

    private Checked check(List<RuleSource> files) {
        List<RuleProblem> problems = new ArrayList<>(unknownFiles(files));
        CompiledRuleSet rules = null;
        try {
            rules = compiler.compile(files);
        } catch (RuleCompilationException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(RuleSetLinter.check(files));
        boolean valid = problems.isEmpty();
        return new Checked(new RuleSetViews.Validation(valid, valid ? rules.checksum() : null, problems), rules);
    }

    /**
     * The files a change would make: its parent's (the active version unless it names one) with the
     * uploaded files added or replaced and the deleted ones removed.
     */
    public List<RuleSource> apply(RuleSetChange change) {
        Integer parent = change.parent() != null ? change.parent() : activeVersion();
        Map<String, RuleSource> files = new TreeMap<>();
        if (parent != null) {
            files(parent).forEach(f -> files.put(f.name(), f));
        }
        List<FieldError> unknown = new ArrayList<>();
        for (String name : change.delete()) {
            if (files.remove(name) == null) {
                unknown.add(new FieldError(
                        "delete", "'" + name + "' is not a file of " + (parent == null ? "the rules" : label(parent))));
            }
            if (change.files().stream().anyMatch(f -> f.name().equals(name))) {
                unknown.add(new FieldError("delete", "'" + name + "' is both uploaded and deleted"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("INVALID_REQUEST", unknown.get(0).message(), unknown);
        }
        change.files().forEach(f -> files.put(f.name(), f));
        return List.copyOf(files.values());
    }

    /** Validates the files a change would make. */
    public RuleSetViews.Validation validate(RuleSetChange change) {
        return validate(apply(change));
    }

    /**
     * Stores a change as a new draft version: its parent plus the files uploaded, less those deleted.
     * A rule set with errors is refused with every problem; a change of rule code needs {@code rules:code}.
     */
    public RuleSetViews.Version create(RuleSetChange change, Editor editor, AuditLog.Origin origin) {
        Integer parent =
                change.parent() != null ? requireVersion(change.parent()).version() : activeVersion();
        List<RuleSource> files = apply(new RuleSetChange(parent, change.files(), change.delete(), change.message()));
        if (parent != null && sameFiles(parent, files)) {
            throw new InvalidInputException(
                    "NO_CHANGE",
                    "the files are those of " + label(parent) + "; nothing to store",
                    List.of(new FieldError("files", "change at least one file")));
        }
        if (!editor.mayChangeCode()) {
            List<String> code = RuleCode.changed(parent == null ? List.of() : files(parent), files);
            if (!code.isEmpty()) {
                audit.failure(editor.name(), "rules.version.create", "rules", origin, "code change refused: " + code);
                throw codeRequired(
                        "changing rule code (" + String.join(", ", code) + ") needs the rules:code "
                                + "permission; tables' values and rows need only rules:write",
                        code);
            }
        }
        RuleSetViews.Validation validation = validate(files);
        if (!validation.valid()) {
            audit.failure(
                    editor.name(),
                    "rules.version.create",
                    "rules",
                    origin,
                    validation.problems().size() + " problem(s)");
            throw new InvalidInputException(
                    "RULESET_INVALID",
                    validation.problems().size() + " problem(s) in the rule files; nothing was stored",
                    validation.problems());
        }
        String message = change.message() == null ? "" : change.message();
        int version = store(files, validation.checksum(), editor.name(), message, parent);
        audit.success(editor.name(), "rules.version.create", "rules:" + label(version), origin, message);
        return view(version, false);
    }

    /** Stores and publishes {@code files} when they differ from the active version (the development watcher). */
    public java.util.Optional<RuleSetViews.Version> importIfChanged(
            List<RuleSource> files, String author, AuditLog.Origin origin) {
        Integer active = activeVersion();
        if (active != null && sameFiles(active, files)) {
            return java.util.Optional.empty();
        }
        RuleSetViews.Version created = createWhole(files, author, "rules directory changed", active, origin);
        return java.util.Optional.of(publish(created.version(), new Editor(author, true), true, origin));
    }

    /**
     * Makes {@code version} active everywhere. It must price a smoke quote at every level; its scenario
     * tests must pass unless the publisher accepts their failures; and when its code differs from the
     * active version's, the publisher needs {@code rules:code}.
     */
    public RuleSetViews.Version publish(
            int version, Editor editor, boolean acceptFailingScenarios, AuditLog.Origin origin) {
        requireVersion(version);
        String failures = checkActivation(version, editor, acceptFailingScenarios, "rules.publish", origin);
        activate(version, editor.name());
        LOG.info("rule set {} published by {}", label(version), editor.name());
        audit.success(editor.name(), "rules.publish", "rules:" + label(version), origin, failures);
        return view(version, false);
    }

    /** Re-activates a version that was published before; the same checks as a publish, scenarios aside. */
    public RuleSetViews.Version rollback(int version, Editor editor, AuditLog.Origin origin) {
        RuleSetDao.VersionRow row = requireVersion(version);
        if (row.publishedAt() == null) {
            throw new StateConflictException(
                    "NEVER_PUBLISHED",
                    label(version) + " was never published; publish it instead",
                    List.of(new FieldError("version", label(version) + " is a draft")));
        }
        checkActivation(version, editor, true, "rules.rollback", origin);
        String from = engine.active().version();
        activate(version, editor.name());
        audit.success(editor.name(), "rules.rollback", "rules:" + label(version), origin, "from " + from);
        return view(version, false);
    }

    /** Refuses an activation that would break pricing or change code without the permission; the failures accepted. */
    private String checkActivation(
            int version, Editor editor, boolean acceptFailingScenarios, String action, AuditLog.Origin origin) {
        List<RuleSource> files = files(version);
        Integer active = activeVersion();
        if (!editor.mayChangeCode() && active != null) {
            List<String> code = RuleCode.changed(files(active), files);
            if (!code.isEmpty()) {
                audit.failure(editor.name(), action, "rules:" + label(version), origin, "code change refused: " + code);
                throw codeRequired(
                        label(version) + " changes rule code (" + String.join(", ", code) + ") against the active "
                                + label(active) + "; activating it needs rules:code",
                        code);
            }
        }
        CompiledRuleSet rules;
        try {
            rules = ready(version);
        } catch (DomainException e) {
            audit.failure(editor.name(), action, "rules:" + label(version), origin, e.code());
            throw e;
        }
        List<ScenarioResult> failing =
                scenarios.run(rules, files).stream().filter(r -> !r.passed()).toList();
        if (!failing.isEmpty() && !acceptFailingScenarios) {
            audit.failure(
                    editor.name(), action, "rules:" + label(version), origin, failing.size() + " failing scenario(s)");
            throw new StateConflictException(
                    "SCENARIOS_FAILING",
                    failing.size() + " scenario(s) of " + label(version)
                            + " fail; update their expectations, or publish with acceptFailingScenarios=true",
                    failing.stream()
                            .map(f -> new RuleProblem(f.file(), 0, 0, f.name() + ": " + describe(f)))
                            .toList());
        }
        return failing.isEmpty()
                ? null
                : "accepted " + failing.size() + " failing scenario(s): "
                        + failing.stream().map(ScenarioResult::name).toList();
    }

    private static String describe(ScenarioResult result) {
        if (result.error() != null) {
            return result.error();
        }
        return result.mismatches().stream()
                .map(m -> m.field() + " expected " + m.expected() + ", got " + m.actual())
                .reduce((a, b) -> a + "; " + b)
                .orElse("failed");
    }

    private static DomainException codeRequired(String message, List<String> files) {
        return new NotPermittedException(
                "RULES_CODE_REQUIRED",
                message,
                files.stream()
                        .map(f -> new RuleProblem(f, 0, 0, "rule code changed"))
                        .toList());
    }

    /** The compiled rules of a version that can price (what-if runs need it); 422 naming why not. */
    public CompiledRuleSet ready(int version) {
        CompiledRuleSet rules = compiled(version);
        List<RuleProblem> unready = PricingReadiness.check(rules, files(version));
        if (!unready.isEmpty()) {
            throw new CannotPriceException(
                    "RULESET_CANNOT_PRICE",
                    label(version) + " cannot price: " + unready.get(0).message(),
                    unready);
        }
        return rules;
    }

    /** True once {@code version} has been published (its tests and simulations need only rules:read). */
    public boolean isPublished(int version) {
        return requireVersion(version).publishedAt() != null;
    }

    /** The version a draft is based on, and the files whose rule code it changes against it. */
    public List<String> codeChanges(int version) {
        Integer parent = requireVersion(version).parent();
        return RuleCode.changed(parent == null ? List.of() : files(parent), files(version));
    }

    public List<RuleSetViews.Version> list(int limit, int offset) {
        Integer active = activeVersion();
        return versions.list(limit, offset).stream()
                .map(r -> view(r, Objects.equals(r.version(), active), null, null))
                .toList();
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
                compiled.keySet().stream()
                        .filter(v -> engine == null
                                || !label(v).equals(engine.active().version()))
                        .findFirst()
                        .ifPresent(compiled::remove);
            }
            compiled.put(version, rules);
            return rules;
        } catch (RuleCompilationException e) {
            // stored before today's checks (a refused cell or code), or built by an older server
            throw new CannotPriceException(
                    "RULESET_INVALID",
                    "stored " + label(version) + " does not pass validation: " + e.getMessage(),
                    e.problems());
        }
    }

    public List<RuleSource> files(int version) {
        requireVersion(version);
        return versions.files(version).stream()
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
        return versions.activeVersion().orElse(null);
    }

    private boolean sameFiles(int version, List<RuleSource> files) {
        Map<String, String> stored = new LinkedHashMap<>();
        files(version).forEach(f -> stored.put(f.name(), f.storedText()));
        Map<String, String> given = new LinkedHashMap<>();
        files.forEach(f -> given.put(f.name(), f.storedText()));
        return stored.equals(given);
    }

    /** Stores exactly {@code files} (the development rules directory: deletions included). */
    private RuleSetViews.Version createWhole(
            List<RuleSource> files, String author, String message, Integer parent, AuditLog.Origin origin) {
        RuleSetViews.Validation validation = validate(files);
        if (!validation.valid()) {
            audit.failure(
                    author,
                    "rules.version.create",
                    "rules",
                    origin,
                    validation.problems().size() + " problem(s)");
            throw new InvalidInputException(
                    "RULESET_INVALID",
                    validation.problems().size() + " problem(s) in the rule files; nothing was stored",
                    validation.problems());
        }
        int version = store(files, validation.checksum(), author, message, parent);
        audit.success(author, "rules.version.create", "rules:" + label(version), origin, message);
        return view(version, false);
    }

    private int store(List<RuleSource> files, String checksum, String author, String message, Integer parent) {
        Map<String, String> stored = new LinkedHashMap<>();
        files.forEach(f -> stored.put(f.name(), f.storedText()));
        return versions.store(checksum, author, message, Timestamp.from(clock.instant()), parent, stored);
    }

    private void activate(int version, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        versions.activate(version, now, actor);
        if (engine != null) {
            engine.activate(compiled(version));
        }
    }

    private RuleSetDao.VersionRow requireVersion(int version) {
        return versions.find(version).orElseThrow(() -> new EntityNotFoundException("rule set version " + version));
    }

    private RuleSetViews.Version view(int version, boolean withFiles) {
        Map<String, String> files = null;
        if (withFiles) {
            files = new LinkedHashMap<>();
            for (RuleSource f : files(version)) {
                files.put(f.name(), f.storedText());
            }
        }
        return view(
                requireVersion(version),
                Objects.equals(activeVersion(), version),
                files,
                withFiles ? codeChanges(version) : null);
    }

    private static RuleSetViews.Version view(
            RuleSetDao.VersionRow r, boolean active, Map<String, String> files, List<String> codeChanged) {
        return new RuleSetViews.Version(
                r.version(),
                label(r.version()),
                r.checksum(),
                r.author(),
                r.message(),
                r.createdAt().toInstant(),
                r.parent(),
                r.publishedAt() == null ? null : r.publishedAt().toInstant(),
                active,
                files,
                codeChanged);
    }

    private static List<RuleProblem> unknownFiles(List<RuleSource> files) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource f : files) {
            if (!RuleSource.isKnownFile(f.name())) {
                problems.add(new RuleProblem(
                        f.name(),
                        0,
                        0,
                        "not a rule file (*.drl, *.drl.csv, *.drl.xls, "
                                + "*.drl.xlsx) nor a scenario file (tests/*.yaml)"));
            }
        }
        return problems;
    }
}
