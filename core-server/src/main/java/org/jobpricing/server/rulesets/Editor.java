package org.jobpricing.server.rulesets;

/** Who changes or activates rules, and whether they may change rule code ({@code rules:code}). */
public record Editor(String name, boolean mayChangeCode) {

    /** The server itself (the first version, the development rules directory). */
    public static final Editor SYSTEM = new Editor("system", true);
}
