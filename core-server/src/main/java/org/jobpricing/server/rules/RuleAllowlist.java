package org.jobpricing.server.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.Located;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PayReportPolicy;
import org.jobpricing.rules.facts.PostingLocation;
import org.jobpricing.rules.facts.PostingRange;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.StructureGrade;

/**
 * What compiled rules may contain, checked on the DRL the Drools parser reads (decision tables first
 * turned into DRL by Drools' own spreadsheet compiler): imports of the fact classes only, rules whose
 * patterns match fact classes, plain constraints and consequences ({@link AllowedCode}), and the
 * attributes that order rules. Functions, globals, type declarations, queries, {@code eval},
 * {@code from}, accumulate and any other type are refused before anything is compiled.
 */
public final class RuleAllowlist {

    /** The facts a rule may match and call: the classes the engine inserts into a session. */
    static final Map<String, Class<?>> FACTS = Map.of(
            PricingJob.class.getSimpleName(), PricingJob.class,
            PricingResult.class.getSimpleName(), PricingResult.class,
            MarketCandidate.class.getSimpleName(), MarketCandidate.class,
            JobSkill.class.getSimpleName(), JobSkill.class,
            StructureGrade.class.getSimpleName(), StructureGrade.class,
            PostingLocation.class.getSimpleName(), PostingLocation.class,
            PostingRange.class.getSimpleName(), PostingRange.class,
            PayReportPolicy.class.getSimpleName(), PayReportPolicy.class,
            // the interface the job and the candidates share, so one area-table row matches both
            Located.class.getSimpleName(), Located.class);

    private static final String FACTS_PACKAGE = PricingJob.class.getPackageName();
    private static final Set<String> ORDERING = Set.of(
            "salience",
            "activation-group",
            "agenda-group",
            "no-loop",
            "lock-on-active",
            "ruleflow-group",
            "auto-focus");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern TABLE_RULE = Pattern.compile(".*_(\\d+)$");

    private RuleAllowlist() {}

    /** Every problem of every rule file among {@code sources}; empty when all of them are allowed. */
    public static List<RuleProblem> check(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : sources) {
            String name = source.name().toLowerCase(Locale.ROOT);
            if (name.endsWith(".drl")) {
                checkDrl(source.name(), source.text(), false, problems);
            } else if (DecisionTable.isDecisionTable(source.name())) {
                String drl;
                try {
                    drl = new SpreadsheetCompiler()
                            .compile(
                                    new ByteArrayInputStream(source.content()),
                                    name.endsWith(".csv") ? InputType.CSV : InputType.XLS);
                } catch (RuntimeException e) {
                    problems.add(new RuleProblem(
                            source.name(), 0, 0, "the decision table cannot be read: " + firstLine(e.getMessage())));
                    continue;
                }
                checkDrl(source.name(), drl, true, problems);
            }
        }
        return problems;
    }

    private static void checkDrl(String file, String drl, boolean table, List<RuleProblem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file, 0, 0, "not readable DRL: " + firstLine(e.getMessage())));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            // nothing is compiled unless it parses: report the parser's own errors with their lines
            for (var error : parser.getErrors()) {
                int line = error.getLines() == null || error.getLines().length == 0 ? 0 : error.getLines()[0];
                problems.add(new RuleProblem(file, table ? 0 : line, 0, firstLine(error.getMessage())));
            }
            if (parser.getErrors().isEmpty()) {
                problems.add(new RuleProblem(file, 0, 0, "not readable DRL"));
            }
            return;
        }
        Map<String, Class<?>> imported = new LinkedHashMap<>();
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            String simple = target.substring(target.lastIndexOf('.') + 1);
            if (target.equals(FACTS_PACKAGE + ".*")) {
                imported.putAll(FACTS);
            } else if (target.equals(FACTS_PACKAGE + "." + simple) && FACTS.containsKey(simple)) {
                imported.put(simple, FACTS.get(simple));
            } else {
                problems.add(at(
                        file,
                        i,
                        table,
                        "import of " + target + " is not allowed: rules may use only the fact " + "classes "
                                + String.join(", ", FACTS.keySet()) + " of " + FACTS_PACKAGE));
            }
        }
        refuseAll(file, pkg.getFunctionImports(), table, "a function import", problems);
        refuseAll(file, pkg.getAccumulateImports(), table, "an accumulate import", problems);
        refuseAll(file, pkg.getGlobals(), table, "a global", problems);
        refuseAll(file, pkg.getFunctions(), table, "a function", problems);
        refuseAll(file, pkg.getTypeDeclarations(), table, "a type declaration", problems);
        refuseAll(file, pkg.getEnumDeclarations(), table, "an enum declaration", problems);
        refuseAll(file, List.copyOf(pkg.getEntryPointDeclarations()), table, "an entry point", problems);
        refuseAll(file, List.copyOf(pkg.getWindowDeclarations()), table, "a window", problems);
        for (AttributeDescr a : pkg.getAttributes()) {
            attribute(a).ifPresent(p -> problems.add(at(file, a, table, p)));
        }
        String[] lines = drl.split("\n", -1);
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(file, rule, imported, table, lines, problems);
        }
    }

    private static void checkRule(
            String file,
            RuleDescr rule,
            Map<String, Class<?>> imported,
            boolean table,
            String[] lines,
            List<RuleProblem> problems) {
        int line = table ? tableLine(rule.getName()) : rule.getLine();
        String prefix = "rule '" + rule.getName() + "': ";
        if (rule instanceof QueryDescr) {
            problems.add(new RuleProblem(file, line, 0, prefix + "queries are not allowed"));
            return;
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            attribute(a).ifPresent(p -> problems.add(new RuleProblem(file, table ? line : a.getLine(), 0, prefix + p)));
        }
        if (!rule.getAnnotations().isEmpty()) {
            problems.add(new RuleProblem(file, line, 0, prefix + "annotations are not allowed"));
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            problems.add(new RuleProblem(file, line, 0, prefix + "named consequences are not allowed"));
        }
        Map<String, Class<?>> bindings = new LinkedHashMap<>();
        lhs(file, rule.getLhs(), imported, bindings, table, line, prefix, problems);
        Object consequence = rule.getConsequence();
        if (consequence != null) {
            AllowedCode.consequence(consequence.toString(), new AllowedCode.Scope(null, Map.copyOf(bindings), true))
                    .ifPresent(p -> problems.add(new RuleProblem(
                            file, table ? line : firstCodeLine(rule, lines) + p.line() - 1, 0, prefix + p.message())));
        }
    }

    private static void lhs(
            String file,
            BaseDescr descr,
            Map<String, Class<?>> imported,
            Map<String, Class<?>> bindings,
            boolean table,
            int ruleLine,
            String prefix,
            List<RuleProblem> problems) {
        int line = table ? ruleLine : descr.getLine();
        if (descr instanceof AndDescr
                || descr instanceof OrDescr
                || descr instanceof NotDescr
                || descr instanceof ExistsDescr) {
            List<BaseDescr> children = descr instanceof AndDescr a
                    ? a.getDescrs()
                    : descr instanceof OrDescr o
                            ? o.getDescrs()
                            : descr instanceof NotDescr n ? n.getDescrs() : ((ExistsDescr) descr).getDescrs();
            for (BaseDescr child : children) {
                lhs(file, child, imported, bindings, table, ruleLine, prefix, problems);
            }
            return;
        }
        if (!(descr instanceof PatternDescr pattern)) {
            problems.add(new RuleProblem(file, line, 0, prefix + kind(descr) + " is not allowed in a condition"));
            return;
        }
        String type = pattern.getObjectType();
        Class<?> fact = imported.get(type);
        if (fact == null && type.startsWith(FACTS_PACKAGE + ".")) {
            fact = FACTS.get(type.substring(FACTS_PACKAGE.length() + 1));
        }
        if (fact == null) {
            problems.add(new RuleProblem(
                    file,
                    line,
                    0,
                    prefix + "'" + type + "' is not an imported fact class (" + String.join(", ", FACTS.keySet())
                            + ")"));
            return;
        }
        if (pattern.getSource() != null) {
            problems.add(new RuleProblem(
                    file, line, 0, prefix + "'from', 'collect', 'accumulate' and entry points " + "are not allowed"));
        }
        if (pattern.isQuery()
                || pattern.getBehaviors() != null && !pattern.getBehaviors().isEmpty()
                || !pattern.getAnnotations().isEmpty()) {
            problems.add(new RuleProblem(file, line, 0, prefix + "queries, windows and annotations are not allowed"));
        }
        AllowedCode.Scope scope = new AllowedCode.Scope(fact, Map.copyOf(bindings), false);
        for (BaseDescr constraint : pattern.getDescrs()) {
            int at = table ? ruleLine : constraint.getLine();
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                problems.add(new RuleProblem(file, at, 0, prefix + kind(constraint) + " is not allowed in a pattern"));
                continue;
            }
            AllowedCode.constraint(expr.getExpression(), scope)
                    .ifPresent(p -> problems.add(new RuleProblem(file, at, 0, prefix + p.message())));
        }
        if (pattern.getIdentifier() != null && !pattern.getIdentifier().isBlank()) {
            bindings.put(pattern.getIdentifier(), fact);
        }
    }

    /** The line a consequence's code starts on: Drools gives the line of {@code then}, and strips what follows. */
    private static int firstCodeLine(RuleDescr rule, String[] lines) {
        int then = rule.getConsequenceLine();
        if (then < 1 || then > lines.length) {
            return Math.max(then, 0);
        }
        String rest = lines[then - 1].strip();
        return rest.equals("then") ? then + 1 : then;
    }

    /** The problem with an attribute, if any: only those that order rules, with literal values. */
    private static Optional<String> attribute(AttributeDescr a) {
        String name = a.getName().toLowerCase(Locale.ROOT);
        if (name.equals("dialect")) {
            return "java".equals(a.getValue())
                    ? Optional.empty()
                    : Optional.of("only the java dialect is allowed, not '" + a.getValue() + "'");
        }
        if (!ORDERING.contains(name)) {
            return Optional.of("the attribute '" + a.getName() + "' is not allowed");
        }
        if (name.equals("salience") && !INTEGER.matcher(a.getValue().strip()).matches()) {
            return Optional.of("salience must be a whole number, not '" + a.getValue() + "'");
        }
        return Optional.empty();
    }

    private static void refuseAll(
            String file, List<? extends BaseDescr> descrs, boolean table, String what, List<RuleProblem> problems) {
        for (BaseDescr d : descrs) {
            problems.add(at(file, d, table, what + " is not allowed in rule files"));
        }
    }

    private static RuleProblem at(String file, BaseDescr d, boolean table, String message) {
        return new RuleProblem(file, table ? 0 : Math.max(0, d.getLine()), 0, message);
    }

    /** A decision-table rule is named {@code <table>_<line>}: the line of its row in the file. */
    private static int tableLine(String ruleName) {
        Matcher m = TABLE_RULE.matcher(ruleName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String kind(BaseDescr d) {
        String simple = d.getClass().getSimpleName().replace("Descr", "");
        return switch (simple) {
            case "Eval" -> "eval";
            case "From", "Collect", "Accumulate" -> "'" + simple.toLowerCase(Locale.ROOT) + "'";
            case "Forall" -> "forall";
            default -> "'" + simple + "'";
        };
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n")[0];
    }
}
