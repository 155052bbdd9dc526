package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a raw job title into plain lower-case words that say what the job is, and a level hint from the
 * words that say how senior it is. Abbreviations are spelt out and spelling variants folded (both from
 * data files, see {@link TitleWords}); seniority and level words are taken out and kept as the hint; employer
 * job codes, numerals, schedule words and punctuation are dropped. {@code "Sr. Java Dev II (JC60)"}
 * becomes {@code "java developer"} with the hint IC4 (from "sr"; the highest level named wins over "ii").
 * Indexed titles go through the same steps, so both sides of a match speak the same words.
 */
final class TitleNormaliser {

    /** A normalised title: its words, the head word (what the job is: the last word before "of", "-", ...). */
    record Normalised(List<String> words, String head, String level, List<String> levelWords) {

        String text() {
            return String.join(" ", words);
        }
    }

    private static final TitleWords WORDS = TitleWords.bundled();

    /** A rewrite of a pattern in the raw title. */
    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    /** Technology names whose punctuation carries meaning and numbered titles, rewritten before punctuation goes. */
    private static final List<Rewrite> SYMBOLS = List.of(
            new Rewrite("(?i)c\\+\\+", " cplusplus "),
            new Rewrite("(?i)(?<![a-z])c#", " csharp "),
            new Rewrite("(?i)(?<![a-z])f#", " fsharp "),
            new Rewrite("(?i)\\.net\\b", " dotnet "),
            new Rewrite("(?i)\\b(k)-(12|9)\\b", " $1$2 "),
            new Rewrite("(?i)\\b(4)-(h)\\b", " $1$2 "),
            new Rewrite("(?i)\\b([23])-(d)\\b", " $1$2 "),
            new Rewrite("&", " and "));

    /** Abbreviations only read when written in capitals ("IT", not "it"). */
    private static final Pattern CAPITALS = Pattern.compile("\\b(?:"
            + String.join("|", WORDS.capitals().keySet().stream().sorted().toList()) + ")\\b");

    /** Abbreviations only read when written with their dot ("Bus." is business, "Bus" a bus). */
    private static final Pattern DOTTED = Pattern.compile("(?i)(?<![a-z0-9])("
            + String.join("|", WORDS.dotted().keySet().stream().sorted().toList()) + ")\\.");

    /** Employer job and requisition codes such as JC60, R-1234, REQ#2231, #5567, L3, and plain numbers. */
    private static final Pattern JOB_CODE = Pattern.compile("(?i)(?<![a-z0-9])[a-z]{0,4}[-#_]?\\d[a-z0-9-]*");

    /** Schedule phrases such as "2nd shift", "night shift" or "full-time". */
    private static final Pattern SCHEDULE = Pattern.compile("(?i)\\b(?:(?:\\d+(?:st|nd|rd|th)|first|second|third"
            + "|day|night|evening|overnight|weekend|swing|graveyard|rotating)[ -]shifts?|(?:full|part)[ -]?time"
            + "|per[ -]diem|work from home)\\b");

    /** Where the part of a title that names the job ends: " - Payments", ", Backend", "(Remote)", ": ...". */
    private static final Pattern SEGMENT = Pattern.compile("\\s[-\u2013\u2014]\\s|[,(\\[:;|]");

    private static final String BREAK = "|";
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9|]+");

    /** Numbers that are part of a title, like a 911 dispatcher or a 3D artist. */
    private static final Set<String> TITLE_NUMBERS = Set.of("911", "411", "3d", "2d", "k12", "k9", "4h");

    /** Words about the posting rather than the job. */
    private static final Set<String> NOISE = Set.of(
            "remote",
            "hybrid",
            "onsite",
            "wfh",
            "telecommute",
            "prn",
            "fulltime",
            "parttime",
            "nights",
            "weekends",
            "temp",
            "seasonal",
            "req",
            "requisition",
            "cdl",
            "bilingual",
            "level",
            "lvl");

    static final Set<String> STOP_WORDS =
            Set.of("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with");

    /** Words after which the rest of the title qualifies the job: "Professor of Economics". */
    private static final Set<String> HEAD_ENDS = Set.of("of", "for", "in", "at", "to", "with", "on");

    private TitleNormaliser() {}

    /** The normalised title's words separated by single spaces; empty when nothing is left. */
    static String normalise(String title) {
        return analyse(title).text();
    }

    /** The normalised title with its head word and level hint. */
    static Normalised analyse(String title) {
        if (title == null || title.isBlank()) {
            return new Normalised(List.of(), null, null, List.of());
        }
        String text = title;
        for (Rewrite rewrite : SYMBOLS) {
            text = rewrite.pattern().matcher(text).replaceAll(rewrite.replacement());
        }
        text = CAPITALS.matcher(text).replaceAll(m -> " " + WORDS.capitals().get(m.group()) + " ");
        text = DOTTED.matcher(text)
                .replaceAll(m -> " " + WORDS.dotted().get(m.group(1).toLowerCase(Locale.ROOT)) + " ");
        text = SCHEDULE.matcher(text).replaceAll(" ");
        text = JOB_CODE.matcher(text).replaceAll(match -> keepTitleNumber(match.group()));
        text = SEGMENT.matcher(text).replaceAll(" " + BREAK + " ");
        List<String> words = rewrite(tokens(text.toLowerCase(Locale.ROOT)));
        return levelsAndHead(words);
    }

    private static String keepTitleNumber(String code) {
        String squeezed = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return TITLE_NUMBERS.contains(squeezed) ? " " + squeezed + " " : " ";
    }

    private static List<String> tokens(String lower) {
        List<String> tokens = new ArrayList<>();
        for (String token : TOKEN_SPLIT.split(lower)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Abbreviations and spelling variants, longest phrase first. */
    private static List<String> rewrite(List<String> tokens) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int n = Math.min(WORDS.longestPhrase(), tokens.size() - i); n >= 1 && matched == 0; n--) {
                List<String> replacement = WORDS.rewrites().get(tokens.subList(i, i + n));
                if (replacement != null) {
                    out.addAll(replacement);
                    matched = n;
                }
            }
            if (matched == 0) {
                out.add(tokens.get(i));
                matched = 1;
            }
            i += matched;
        }
        return out;
    }

    private static Normalised levelsAndHead(List<String> tokens) {
        List<String> kept = new ArrayList<>();
        List<String> levelWords = new ArrayList<>();
        String level = null;
        String management = null;
        boolean senior = false;
        String head = null;
        boolean headOpen = true;
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            if (token.equals(BREAK) || HEAD_ENDS.contains(token)) {
                headOpen = headOpen && head == null;
                i++;
                continue;
            }
            TitleWords.LevelWord word = null;
            for (int n = Math.min(WORDS.longestPhrase(), tokens.size() - i); n >= 1 && word == null; n--) {
                word = WORDS.levels().get(tokens.subList(i, i + n));
            }
            if (word != null) {
                boolean hint = word.only().isEmpty() || tokens.stream().anyMatch(word.only()::contains);
                boolean strip = word.action() == TitleWords.Action.STRIP
                        || (word.action() == TitleWords.Action.STRIP_LEADING && kept.isEmpty());
                if (hint && (strip || word.action() == TitleWords.Action.KEEP)) {
                    levelWords.add(String.join(" ", word.words()));
                    if (word.management()) {
                        management = higher(management, word.level());
                    } else {
                        level = higher(level, word.level());
                        senior |= word.level().equals("IC4");
                    }
                }
                if (!strip) {
                    List<String> content = word.words().stream()
                            .filter(w -> !STOP_WORDS.contains(w))
                            .toList();
                    kept.addAll(content);
                    if (headOpen
                            && !HEAD_ENDS.contains(word.words().get(word.words().size() - 1))) {
                        head = content.get(content.size() - 1);
                    }
                }
                i += word.words().size();
                continue;
            }
            if (!NOISE.contains(token) && !STOP_WORDS.contains(token)) {
                kept.add(token);
                if (headOpen) {
                    head = token;
                }
            }
            i++;
        }
        if (management != null) {
            int rank = TitleWords.rank(management) + (senior ? 1 : 0);
            level = TitleWords.LEVELS.get(Math.min(rank, TitleWords.LEVELS.size() - 1));
        }
        if (kept.isEmpty()) {
            // a title made only of level words ("Principal", "Lead"): they are what the job is called
            List<String> all = tokens.stream()
                    .filter(t -> !t.equals(BREAK) && !STOP_WORDS.contains(t))
                    .toList();
            return new Normalised(all, all.isEmpty() ? null : all.get(all.size() - 1), null, List.of());
        }
        return new Normalised(List.copyOf(kept), head, level, List.copyOf(levelWords));
    }

    private static String higher(String a, String b) {
        return a == null || TitleWords.rank(b) > TitleWords.rank(a) ? b : a;
    }
}
