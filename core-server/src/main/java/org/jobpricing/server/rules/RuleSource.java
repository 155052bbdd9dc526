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
        return name.startsWith("tests/")
                && name.indexOf('/', 6) < 0
                && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** The files a rule set is made of: rule files at the top, scenario files under tests/. */
    public static boolean isKnownFile(String name) {
        return (isRuleFile(name) && name.indexOf('/') < 0) || isScenarioFile(name);
    }

    /** Spreadsheets are binary; everything else is UTF-8 text. */
    public boolean isBinary() {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xls") || n.endsWith(".xlsx");
    }

    /** The content as stored and sent in JSON: text as is, spreadsheets as base64. */
    public String storedText() {
        return isBinary() ? java.util.Base64.getEncoder().encodeToString(content) : text();
    }

    /** The inverse of {@link #storedText()}; a spreadsheet that is not valid base64 is refused. */
    public static RuleSource fromStored(String name, String stored) {
        RuleSource probe = new RuleSource(name, new byte[0]);
        if (probe.isBinary()) {
            try {
                return new RuleSource(name, java.util.Base64.getMimeDecoder().decode(stored));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " must be sent as base64: " + e.getMessage());
            }
        }
        return new RuleSource(name, stored.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
