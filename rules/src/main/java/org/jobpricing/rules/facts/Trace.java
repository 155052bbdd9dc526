package org.jobpricing.rules.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The explanation of one pricing: the rules that fired, in order, each with what it changed.
 * Fact methods {@link #note} what they change; the engine closes each rule's notes with {@link #ruleFired}.
 */
public final class Trace {

    /** One fired rule and what it did. */
    public record Step(String rule, String message) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Records a change made by the rule now firing. */
    public void note(String message) {
        pending.add(message);
    }

    /** Records a warning for the quote (shown to the client, not only in the explanation). */
    public void warn(String message) {
        warnings.add(message);
        pending.add("warning: " + message);
    }

    /** Closes the step of the rule that just fired. */
    public void ruleFired(String rule) {
        steps.add(new Step(rule, pending.isEmpty() ? "no change" : String.join("; ", pending)));
        pending.clear();
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    static String show(Object value) {
        return value == null ? "unset" : String.valueOf(value);
    }
}
