package org.jobpricing.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explanation of one pricing, recorded as data: the rules that changed something, in order, each
 * with the rule file and line, the numbers it read and set, and a message formatted from them (money to
 * 2 decimals, factors to 6). Fact methods {@link #note} what they change; the engine closes each rule's
 * notes with {@link #ruleFired}. A rule that changed nothing is no step.
 */
public final class Trace {

    /** How a number reads: money (2 decimals), a factor or rate (up to 6), a count. */
    public enum Kind {
        MONEY,
        FACTOR,
        COUNT
    }

    /** A number a note read or set; null stands for "unset". */
    public record Value(String name, Double number, Kind kind) {}

    /** One change: a message template with {@code {name}} places, its words, inputs and outputs. */
    public static final class Note {
        private final String template;
        private final String subject;
        private final Map<String, String> words = new LinkedHashMap<>();
        private final List<Value> inputs = new ArrayList<>();
        private final List<Value> outputs = new ArrayList<>();

        Note(String template, String subject) {
            this.template = template;
            this.subject = subject;
        }

        /** A word of the message (a level, a source id), not a number. */
        public Note word(String name, String value) {
            words.put(name, value);
            return this;
        }

        public Note in(String name, Double value, Kind kind) {
            inputs.add(new Value(name, value, kind));
            return this;
        }

        public Note out(String name, Double value, Kind kind) {
            outputs.add(new Value(name, value, kind));
            return this;
        }

        /** The message with every place filled: money to 2 decimals, factors to 6, unset as "unset". */
        public String message() {
            Map<String, String> places = new LinkedHashMap<>(words);
            inputs.forEach(v -> places.put(v.name(), format(v)));
            outputs.forEach(v -> places.put(v.name(), format(v)));
            Matcher m = PLACE.matcher(template);
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                String value = places.get(m.group(1));
                m.appendReplacement(text, Matcher.quoteReplacement(value == null ? m.group() : value));
            }
            m.appendTail(text);
            return text.toString();
        }

        /** Inputs keyed {@code subject.name} when the note is about one subject (an observation, a skill). */
        public Map<String, BigDecimal> inputs() {
            return numbers(inputs);
        }

        public Map<String, BigDecimal> outputs() {
            return numbers(outputs);
        }

        private Map<String, BigDecimal> numbers(List<Value> values) {
            Map<String, BigDecimal> numbers = new LinkedHashMap<>();
            for (Value v : values) {
                numbers.put(subject == null ? v.name() : subject + "." + v.name(), number(v.number()));
            }
            return numbers;
        }
    }

    /** One rule that changed something: where it is written and what it did. */
    public record Step(String rule, String file, Integer line, List<Note> notes) {

        public String message() {
            return String.join("; ", notes.stream().map(Note::message).toList());
        }

        public Map<String, BigDecimal> inputs() {
            Map<String, BigDecimal> all = new LinkedHashMap<>();
            notes.forEach(n -> all.putAll(n.inputs()));
            return all;
        }

        public Map<String, BigDecimal> outputs() {
            Map<String, BigDecimal> all = new LinkedHashMap<>();
            notes.forEach(n -> all.putAll(n.outputs()));
            return all;
        }
    }

    private static final Pattern PLACE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final List<Step> steps = new ArrayList<>();
    private final List<Note> pending = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Records a change made by the rule now firing; fill its places on the note returned. */
    public Note note(String template) {
        return note(template, null);
    }

    /** A change about one subject (an observation, a skill): its numbers are keyed {@code subject.name}. */
    public Note note(String template, String subject) {
        Note note = new Note(template, subject);
        pending.add(note);
        return note;
    }

    /** Records a plain sentence (no numbers) for the step now open. */
    public void say(String sentence) {
        note("{text}").word("text", sentence);
    }

    /** Records a warning for the quote (shown to the client, not only in the explanation). */
    public void warn(String message) {
        warnings.add(message);
        say("warning: " + message);
    }

    /** Closes the step of the rule that just fired; one that changed nothing leaves no step. */
    public void ruleFired(String rule) {
        ruleFired(rule, null, null);
    }

    /** Closes the step of a rule written at {@code file}:{@code line}. */
    public void ruleFired(String rule, String file, Integer line) {
        if (!pending.isEmpty()) {
            steps.add(new Step(rule, file, line, List.copyOf(pending)));
            pending.clear();
        }
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** A number as a message shows it, by kind; null is "unset". */
    public static String shown(Double number, Kind kind) {
        return format(new Value("", number, kind));
    }

    /** A number as a message shows it. */
    public static String format(Value v) {
        if (v.number() == null) {
            return "unset";
        }
        if (!Double.isFinite(v.number())) {
            return String.valueOf(v.number());
        }
        BigDecimal n = new BigDecimal(v.number());
        return switch (v.kind()) {
            case MONEY -> n.setScale(2, RoundingMode.HALF_UP).toPlainString();
            case FACTOR, COUNT -> plain(n.setScale(6, RoundingMode.HALF_UP));
        };
    }

    /** A number as the explanation's data holds it: at most 6 decimals, no binary noise. */
    static BigDecimal number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        return new BigDecimal(plain(new BigDecimal(value).setScale(6, RoundingMode.HALF_UP)));
    }

    private static String plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
