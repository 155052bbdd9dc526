package org.jobpricing.server.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Where each rule is written, so a quote's explanation can point at it: a DRL rule at its line, a
 * decision-table rule (named {@code <table>_<line>} by Drools) at the line of its row.
 */
public final class RuleLocations {

    /** A rule's file and line. */
    public record Location(String file, int line) {}

    private final Map<String, Location> byRule;

    private RuleLocations(Map<String, Location> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    /** The locations of every rule of {@code sources}. */
    public static RuleLocations of(List<RuleSource> sources) {
        Map<String, Location> byRule = new HashMap<>();
        for (RuleSource source : sources) {
            if (source.name().toLowerCase(Locale.ROOT).endsWith(".drl")) {
                try {
                    PackageDescr pkg = new DrlParser().parse(false, source.text());
                    if (pkg != null) {
                        for (RuleDescr rule : pkg.getRules()) {
                            byRule.putIfAbsent(rule.getName(), new Location(source.name(), rule.getLine()));
                        }
                    }
                } catch (DroolsParserException e) {
                    // a file that does not parse never compiles: it has no rules to locate
                }
            } else if (DecisionTable.isDecisionTable(source.name())) {
                for (DecisionTable table : DecisionTable.read(source)) {
                    for (DecisionTable.Row row : table.rows()) {
                        byRule.putIfAbsent(table.name() + "_" + row.line(), new Location(source.name(), row.line()));
                    }
                }
            }
        }
        return new RuleLocations(byRule);
    }

    /** The location of {@code rule}, or null when it is not written in these files. */
    public Location of(String rule) {
        return byRule.get(rule);
    }
}
