package org.jobpricing.server.rules;

import java.nio.charset.StandardCharsets;

/** One rule file: its name (e.g. {@code levels.drl.csv}) and its bytes. */
public record RuleSource(String name, byte[] content) {

    /** True for the file names Drools compiles: DRL and decision tables. */
    public static boolean isRuleFile(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".drl.csv") || n.endsWith(".drl.xls") || n.endsWith(".drl.xlsx");
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
