package org.jobpricing.server.rules;

import java.nio.charset.StandardCharsets;

/** One rule file: its name (e.g. {@code levels.drl.csv}) and its bytes. */
public record RuleSource(String name, byte[] content) {

    /** True for the file names Drools compiles: DRL and decision tables. */
    public static boolean isRuleFile(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".drl.csv") || n.endsWith(".drl.xls") || n.endsWith(".drl.xlsx");
    }

    /** True for a scenario file: {@code tests/<name>.yaml}. */
    public static boolean isScenarioFile(String name) {
        return name.startsWith("tests/") && name.indexOf('/', 6) < 0
                && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** The files a rule set is made of: rule files at the top, scenario files under tests/. */
    public static boolean isKnownFile(String name) {
        return (isRuleFile(name) && name.indexOf('/') < 0) || isScenarioFile(name);
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
