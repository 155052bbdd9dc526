package org.jobpricing.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            StringBuilder text = new StringBuilder(template.length() + 32);
            int at = 0;
            while (at < template.length()) {
                int open = template.indexOf('{', at);
                int close = open < 0 ? -1 : template.indexOf('}', open + 1);
                if (close < 0) {
                    break;
                }
                String name = template.substring(open + 1, close);
                String value = isPlaceName(name) ? place(name) : null;
                text.append(template, at, open);
                if (value == null) {
                    // not a place, or a place nobody filled: kept as written
                    text.append(template, open, open + 1);
                    at = open + 1;
                } else {
                    text.append(value);
                    at = close + 1;
                }
            }
            return text.append(template, at, template.length()).toString();
        }

        /** A place's text: the last input or output of that name wins over a word, as in a map filled in order. */
        private String place(String name) {
            for (int i = outputs.size() - 1; i >= 0; i--) {
                if (outputs.get(i).name().equals(name)) {
                    return format(outputs.get(i));
                }
            }
            for (int i = inputs.size() - 1; i >= 0; i--) {
                if (inputs.get(i).name().equals(name)) {
                    return format(inputs.get(i));
                }
            }
            return words.get(name);
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

    /** A place's name: letters, digits and underscores, at least one. */
    static boolean isPlaceName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

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
        return switch (v.kind()) {
            case MONEY -> rounded(v.number(), 2).toPlainString();
            case FACTOR, COUNT -> plain(rounded(v.number(), 6));
        };
    }

    /** A number as the explanation's data holds it: at most 6 decimals, no binary noise. */
    static BigDecimal number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        BigDecimal stripped = rounded(value, 6).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static final double[] POWERS = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    /** Below this, a double's integer part and its fraction's error terms are exact (2^52). */
    private static final double EXACT = 4503599627370496.0;

    /**
     * {@code value} rounded half up to {@code scale} (0-6) decimals: always what {@code new
     * BigDecimal(value).setScale(scale, HALF_UP)} gives, the exact binary value rounded, without its
     * arbitrary-precision division. The product {@code |value| x 10^scale} is split exactly into a double and
     * its rounding error ({@link Math#fma}); its fraction plus that error is compared with one half exactly
     * (the sum and its own error). Numbers too large for that are rounded by BigDecimal.
     */
    public static BigDecimal rounded(double value, int scale) {
        double magnitude = Math.abs(value);
        double power = POWERS[scale];
        double product = magnitude * power;
        if (!(product < EXACT)) {
            return new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
        }
        double error = Math.fma(magnitude, power, -product); // magnitude x power = product + error, exactly
        double whole = Math.floor(product);
        double fraction = product - whole; // exact: product < 2^52
        double sum = fraction + error;
        double sumError = (fraction - (sum - (sum - fraction))) + (error - (sum - fraction)); // TwoSum
        boolean up = sum > 0.5 || (sum == 0.5 && sumError >= 0);
        long units = (long) whole + (up ? 1 : 0);
        return BigDecimal.valueOf(value < 0 ? -units : units, scale);
    }

    private static String plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
