package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A frozen copy of the plugin's title matching as it was before issue 18 ("today's BM25"), kept as the
 * baseline bench/title-eval compares the new matcher with. Not used by the plugin.
 *
 * <p>
 * Turns a raw job title into plain lower-case words that say what the job is: abbreviations are spelt
 * out, and seniority, employer job codes, numerals, schedule words and punctuation are dropped, e.g.
 * {@code "Sr. Java Dev II (JC60)"} becomes {@code "java developer"}. Indexed titles go through the same
 * steps, so both sides of a match speak the same words.
 */
final class LegacyTitleNormaliser {

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

    /** Acronyms that are ordinary words in lower case ("it"), so they are only read when written in capitals. */
    private static final Map<String, String> CAPITAL_ACRONYMS = Map.of(
            "IT", "information technology",
            "AP", "accounts payable",
            "AR", "accounts receivable");

    private static final Pattern CAPITAL_ACRONYM = Pattern.compile("\\b(?:IT|AP|AR)\\b");

    /** Employer job and requisition codes such as JC60, R-1234, REQ#2231, #5567, L3, and plain numbers. */
    private static final Pattern JOB_CODE = Pattern.compile("(?i)(?<![a-z0-9])[a-z]{0,4}[-#_]?\\d[a-z0-9-]*");

    /** Schedule phrases such as "2nd shift", "night shift" or "full-time". */
    private static final Pattern SCHEDULE = Pattern.compile("(?i)\\b(?:(?:\\d+(?:st|nd|rd|th)|first|second|third"
            + "|day|night|evening|overnight|weekend|swing|graveyard|rotating)[ -]shifts?|(?:full|part)[ -]?time"
            + "|per[ -]diem|entry[ -]level|mid[ -]level|work from home)\\b");

    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^a-z0-9]+");

    /** Numbers that are part of a title, like a 911 dispatcher or a 3D artist. */
    private static final Set<String> TITLE_NUMBERS = Set.of("911", "411", "3d", "2d", "k12", "k9", "4h");

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("mgr", "manager"),
            Map.entry("mngr", "manager"),
            Map.entry("mgrs", "managers"),
            Map.entry("mgmt", "management"),
            Map.entry("dev", "developer"),
            Map.entry("devs", "developers"),
            Map.entry("eng", "engineer"),
            Map.entry("engr", "engineer"),
            Map.entry("engg", "engineer"),
            Map.entry("admin", "administrator"),
            Map.entry("admins", "administrators"),
            Map.entry("asst", "assistant"),
            Map.entry("assist", "assistant"),
            Map.entry("assoc", "associate"),
            Map.entry("acct", "accountant"),
            Map.entry("acctg", "accounting"),
            Map.entry("accts", "accounts"),
            Map.entry("tech", "technician"),
            Map.entry("techs", "technicians"),
            Map.entry("coord", "coordinator"),
            Map.entry("coordr", "coordinator"),
            Map.entry("rep", "representative"),
            Map.entry("reps", "representatives"),
            Map.entry("spec", "specialist"),
            Map.entry("spclst", "specialist"),
            Map.entry("dir", "director"),
            Map.entry("exec", "executive"),
            Map.entry("supv", "supervisor"),
            Map.entry("supvr", "supervisor"),
            Map.entry("svc", "service"),
            Map.entry("svcs", "services"),
            Map.entry("cust", "customer"),
            Map.entry("sys", "systems"),
            Map.entry("ops", "operations"),
            Map.entry("mktg", "marketing"),
            Map.entry("mkt", "marketing"),
            Map.entry("anlst", "analyst"),
            Map.entry("pgmr", "programmer"),
            Map.entry("prog", "programmer"),
            Map.entry("sw", "software"),
            Map.entry("hw", "hardware"),
            Map.entry("maint", "maintenance"),
            Map.entry("mech", "mechanical"),
            Map.entry("elec", "electrical"),
            Map.entry("equip", "equipment"),
            Map.entry("ofc", "office"),
            Map.entry("dept", "department"),
            Map.entry("mfg", "manufacturing"),
            Map.entry("pharm", "pharmacy"),
            Map.entry("lab", "laboratory"),
            Map.entry("med", "medical"),
            Map.entry("govt", "government"),
            Map.entry("intl", "international"),
            Map.entry("natl", "national"),
            Map.entry("fin", "financial"),
            Map.entry("info", "information"),
            Map.entry("clin", "clinical"),
            Map.entry("proj", "project"),
            Map.entry("whse", "warehouse"),
            Map.entry("ctr", "center"),
            Map.entry("hr", "human resources"),
            Map.entry("qa", "quality assurance"),
            Map.entry("qc", "quality control"),
            Map.entry("rn", "registered nurse"),
            Map.entry("lpn", "licensed practical nurse"),
            Map.entry("lvn", "licensed vocational nurse"),
            Map.entry("cna", "certified nursing assistant"),
            Map.entry("swe", "software engineer"),
            Map.entry("sde", "software development engineer"),
            Map.entry("dba", "database administrator"),
            Map.entry("cpa", "certified public accountant"),
            Map.entry("ux", "user experience"),
            Map.entry("ui", "user interface"),
            Map.entry("vp", "vice president"),
            Map.entry("avp", "assistant vice president"),
            Map.entry("svp", "vice president"),
            Map.entry("evp", "executive vice president"),
            Map.entry("gm", "general manager"));

    /** Seniority and grade words, dropped wherever they appear. */
    private static final Set<String> SENIORITY = Set.of(
            "sr",
            "snr",
            "senior",
            "jr",
            "junior",
            "mid",
            "midlevel",
            "experienced",
            "level",
            "lvl",
            "i",
            "ii",
            "iii",
            "iv",
            "v",
            "vi");

    /** Seniority words that are also ordinary title words ("school principal"), dropped only in front. */
    private static final Set<String> LEADING_SENIORITY = Set.of("lead", "principal", "staff");

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
            "requisition");

    private static final Set<String> STOP_WORDS =
            Set.of("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with");

    private LegacyTitleNormaliser() {}

    /** The normalised title: lower-case words separated by single spaces; empty when nothing is left. */
    static String normalise(String title) {
        if (title == null || title.isBlank()) {
            return "";
        }
        String text = title;
        for (Rewrite rewrite : SYMBOLS) {
            text = rewrite.pattern().matcher(text).replaceAll(rewrite.replacement());
        }
        text = expandCapitalAcronyms(text);
        text = SCHEDULE.matcher(text).replaceAll(" ");
        text = JOB_CODE.matcher(text).replaceAll(match -> keepTitleNumber(match.group()));
        List<String> words = words(text.toLowerCase(Locale.ROOT));
        List<String> kept = dropSeniorityAndNoise(words);
        return String.join(" ", kept.isEmpty() ? withoutStopWords(words) : kept);
    }

    private static String expandCapitalAcronyms(String text) {
        return CAPITAL_ACRONYM.matcher(text).replaceAll(match -> CAPITAL_ACRONYMS.get(match.group()));
    }

    private static String keepTitleNumber(String code) {
        String squeezed = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return TITLE_NUMBERS.contains(squeezed) ? " " + squeezed + " " : " ";
    }

    /** Lower-case alphanumeric words with abbreviations spelt out. */
    private static List<String> words(String lower) {
        List<String> words = new ArrayList<>();
        for (String token : TOKEN_SPLIT.split(lower)) {
            if (token.isEmpty()) {
                continue;
            }
            String expanded = ABBREVIATIONS.getOrDefault(token, token);
            for (String word : expanded.split(" ")) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<String> dropSeniorityAndNoise(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            boolean leading = kept.isEmpty() && LEADING_SENIORITY.contains(word);
            if (!leading && !SENIORITY.contains(word) && !NOISE.contains(word) && !STOP_WORDS.contains(word)) {
                kept.add(word);
            }
        }
        return kept;
    }

    private static List<String> withoutStopWords(List<String> words) {
        return words.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
    }
}
