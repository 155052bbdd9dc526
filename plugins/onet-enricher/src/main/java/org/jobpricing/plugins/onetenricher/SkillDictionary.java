package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Finds technology names in free text. Besides its full O*NET name ("Oracle Java", "Amazon Web Services
 * AWS software"), a technology is found by shorter names people write: without the vendor ("Java"),
 * without a trailing "software", and by a trailing acronym or what it abbreviates ("AWS", "Amazon Web
 * Services"). A shorter name made only of ordinary English words (words of the O*NET occupation
 * descriptions, or one or two letters) is not used, and a full name made only of such words ("Go",
 * "Chef") must be written with the same capitals.
 */
final class SkillDictionary {

    /** Vendor names that prefix many O*NET technology names. */
    private static final List<String> VENDORS = List.of(
            "Adobe Systems",
            "Adobe",
            "ADP",
            "Amazon",
            "Apache",
            "Apple",
            "Atlassian",
            "Autodesk",
            "Avid Technology",
            "Bentley",
            "Cadence",
            "Cerner",
            "Cisco Systems",
            "Cisco",
            "Corel",
            "Dassault Systemes",
            "Elite Software",
            "Epic Systems",
            "ESRI",
            "FANUC Robotics",
            "Fair Isaac",
            "GE Healthcare",
            "Google",
            "Henry Schein",
            "Hewlett-Packard",
            "Hewlett Packard",
            "IBM",
            "Infor",
            "Intuit",
            "LexisNexis",
            "McKesson",
            "Mentor Graphics",
            "Microsoft",
            "National Instruments",
            "Oracle",
            "Red Hat",
            "RockWare",
            "Sage",
            "Salesforce",
            "SAP",
            "Siemens",
            "Sun Microsystems",
            "SunGard",
            "Symantec",
            "The MathWorks",
            "Thomson Reuters",
            "Trimble",
            "Vero Software",
            "VMware");

    private static final List<List<String>> VENDOR_WORDS =
            VENDORS.stream().map(vendor -> texts(SkillText.words(vendor))).toList();

    /** A way of writing a technology's name; {@code exactCase} when it must match capitals too. */
    private record Alias(List<String> words, String skill, boolean full, boolean exactCase) {

        boolean matches(List<SkillText.Word> text, int at) {
            if (at + words.size() > text.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                SkillText.Word word = text.get(at + i);
                String expected = words.get(i);
                if (exactCase ? !word.text().equals(expected) : !word.lower().equalsIgnoreCase(expected)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, List<Alias>> byFirstWord;

    /**
     * @param names        every technology name
     * @param prevalence   how many occupations use a technology; decides which one keeps a shared alias
     * @param ordinaryWords lower-case ordinary English words
     */
    SkillDictionary(Set<String> names, ToIntFunction<String> prevalence, Set<String> ordinaryWords) {
        Map<String, Alias> byKey = new HashMap<>();
        Comparator<Alias> preferred = Comparator.comparing(Alias::full)
                .reversed()
                .thenComparing(Comparator.comparingInt((Alias a) -> prevalence.applyAsInt(a.skill()))
                        .reversed())
                .thenComparing(Alias::skill);
        for (String name : names) {
            for (Alias alias : aliases(name, ordinaryWords)) {
                String key = String.join(" ", alias.words()).toLowerCase(Locale.ROOT);
                byKey.merge(key, alias, (a, b) -> preferred.compare(a, b) <= 0 ? a : b);
            }
        }
        this.byFirstWord = byKey.values().stream()
                .sorted(Comparator.comparingInt((Alias a) -> a.words().size())
                        .reversed()
                        .thenComparing(Alias::skill))
                .collect(Collectors.groupingBy(
                        a -> a.words().get(0).toLowerCase(Locale.ROOT), Collectors.toUnmodifiableList()));
    }

    /** The technologies named in {@code text}, in order of first mention; the longest name wins where names overlap. */
    Set<String> find(String text) {
        List<SkillText.Word> words = SkillText.words(text);
        Set<String> found = new LinkedHashSet<>();
        int at = 0;
        while (at < words.size()) {
            Alias match = longestAt(words, at);
            if (match == null) {
                at++;
            } else {
                found.add(match.skill());
                at += match.words().size();
            }
        }
        return found;
    }

    private Alias longestAt(List<SkillText.Word> words, int at) {
        for (Alias alias : byFirstWord.getOrDefault(words.get(at).lower(), List.of())) {
            if (alias.matches(words, at)) {
                return alias;
            }
        }
        return null;
    }

    private static List<Alias> aliases(String name, Set<String> ordinaryWords) {
        List<String> full = texts(SkillText.words(name));
        List<Alias> aliases = new ArrayList<>();
        if (full.isEmpty()) {
            return aliases;
        }
        aliases.add(new Alias(full, name, true, allOrdinary(full, ordinaryWords)));
        for (List<String> shorter : shorterNames(full)) {
            if (!shorter.isEmpty() && !shorter.equals(full) && !allOrdinary(shorter, ordinaryWords)) {
                aliases.add(new Alias(shorter, name, false, false));
            }
        }
        return aliases;
    }

    private static Set<List<String>> shorterNames(List<String> full) {
        Set<List<String>> names = new LinkedHashSet<>();
        List<String> core = full.size() > 1 && full.get(full.size() - 1).equalsIgnoreCase("software")
                ? full.subList(0, full.size() - 1)
                : full;
        names.add(core);
        names.add(withoutVendor(core));
        String last = core.get(core.size() - 1);
        if (core.size() >= 3 && isAcronymOf(last, core.subList(0, core.size() - 1))) {
            names.add(List.of(last));
            names.add(core.subList(0, core.size() - 1));
        }
        return names;
    }

    /** "Adobe Systems Adobe Photoshop" → "Photoshop"; "Oracle Java" → "Java". */
    private static List<String> withoutVendor(List<String> name) {
        for (List<String> prefix : VENDOR_WORDS) {
            if (name.size() > prefix.size() && name.subList(0, prefix.size()).equals(prefix)) {
                List<String> rest = name.subList(prefix.size(), name.size());
                boolean brandAgain = rest.size() > 1 && rest.get(0).equals(prefix.get(0));
                return brandAgain ? rest.subList(1, rest.size()) : rest;
            }
        }
        return name;
    }

    /**
     * True for "SQL" after "Structured query language" or "EC2" after "Amazon Elastic Compute Cloud": capitals
     * (and digits) whose letters are, in order, initials of the words before. False for "PLUS" after "Insightful S".
     */
    private static boolean isAcronymOf(String word, List<String> words) {
        if (word.length() < 2
                || word.length() > 6
                || word.chars().noneMatch(Character::isUpperCase)
                || word.chars().anyMatch(Character::isLowerCase)) {
            return false;
        }
        String initials = words.stream()
                .map(w -> w.substring(0, 1))
                .collect(Collectors.joining())
                .toUpperCase(Locale.ROOT);
        int at = 0;
        for (char letter : word.replaceAll("[^A-Z]", "").toCharArray()) {
            at = initials.indexOf(letter, at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean allOrdinary(List<String> words, Set<String> ordinaryWords) {
        return words.stream().allMatch(w -> w.length() <= 2 || ordinaryWords.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static List<String> texts(List<SkillText.Word> words) {
        return words.stream().map(SkillText.Word::text).toList();
    }
}
