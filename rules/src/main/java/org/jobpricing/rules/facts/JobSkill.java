package org.jobpricing.rules.facts;

import java.util.Locale;

/** One distinct skill of the job; the premium table sets its premium. */
public final class JobSkill {

    private final String name;
    private final Trace trace;
    private Double premium;

    public JobSkill(String name, Trace trace) {
        this.name = name.trim();
        this.trace = trace;
    }

    public String getName() {
        return name;
    }

    /** Case-insensitive, space-trimmed comparison, as the method matches skills. */
    public boolean isNamed(String other) {
        return other != null
                && name.toLowerCase(Locale.ROOT).equals(other.trim().toLowerCase(Locale.ROOT));
    }

    public Double getPremium() {
        return premium;
    }

    public void setPremium(double value) {
        trace.note("skillPremium({skill}) {before} -> {premium}", name)
                .word("skill", name)
                .word("before", Trace.shown(premium, Trace.Kind.FACTOR))
                .out("premium", value, Trace.Kind.FACTOR);
        premium = value;
    }
}
