package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into the words technology names are made of, keeping the dots and signs that belong to
 * a name: {@code Node.js}, {@code ASP.NET}, {@code C++}, {@code C#}. Hyphens and slashes separate words,
 * so "PL/SQL" and "Java-based" split the same way in a skill name and in free text.
 */
final class SkillText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:\\.[\\p{L}\\p{N}]+)*(?:\\+\\+|#)?");

    /** A word as written and in lower case. */
    record Word(String text, String lower) {}

    private SkillText() {}

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            words.add(new Word(word, word.toLowerCase(Locale.ROOT)));
        }
        return words;
    }
}
