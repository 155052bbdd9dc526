package org.jobpricing.server.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which files of a rule set are code rather than policy values: DRL files whole, and the machinery of
 * decision tables (RuleSet, Import, CONDITION/ACTION and their code lines). Changing code needs the
 * {@code rules:code} permission; changing a table's values, rows, titles or notes does not.
 */
public final class RuleCode {

    private RuleCode() {}

    /** The files whose code differs between {@code before} and {@code after} (added and removed files included). */
    public static List<String> changed(List<RuleSource> before, List<RuleSource> after) {
        Map<String, String> a = code(before);
        Map<String, String> b = code(after);
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** The code of each rule file, by name; scenario files hold no code. */
    private static Map<String, String> code(List<RuleSource> sources) {
        Map<String, String> code = new TreeMap<>();
        for (RuleSource s : sources) {
            if (DecisionTable.isDecisionTable(s.name())) {
                code.put(s.name(), DecisionTable.machinery(s));
            } else if (RuleSource.isRuleFile(s.name())) {
                code.put(s.name(), s.text().replace("\r\n", "\n"));
            }
        }
        return code;
    }
}
