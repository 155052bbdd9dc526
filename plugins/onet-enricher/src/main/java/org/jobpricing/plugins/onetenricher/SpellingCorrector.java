package org.jobpricing.plugins.onetenricher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a typo onto the word it most likely is: a word of five letters or more that no indexed title or
 * occupation description uses becomes the known word one edit away (a letter added, dropped, changed, or
 * two neighbours swapped) that the titles and descriptions use most. Known words, short words and words
 * with digits are left alone, and so is a word with no known word one edit away. Lookups go through a
 * table of every known word with one letter deleted, so a correction costs a few hash lookups.
 */
final class SpellingCorrector {

    private static final int MIN_LENGTH = 5;

    private final Map<String, Integer> frequency;
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    /** {@code frequency}: every known word and how often it is used (titles weigh more than descriptions). */
    SpellingCorrector(Map<String, Integer> frequency) {
        this.frequency = Map.copyOf(frequency);
        for (String word : frequency.keySet()) {
            if (word.length() >= MIN_LENGTH - 1 && isLetters(word)) {
                byDeletion.computeIfAbsent(word, k -> new ArrayList<>(1)).add(word);
                for (int i = 0; i < word.length(); i++) {
                    String deleted = word.substring(0, i) + word.substring(i + 1);
                    List<String> words = byDeletion.computeIfAbsent(deleted, k -> new ArrayList<>(1));
                    if (!words.contains(word)) {
                        words.add(word);
                    }
                }
            }
        }
    }

    /** The known word {@code word} most likely stands for: itself when known or when no fix is close. */
    String correct(String word) {
        if (word.length() < MIN_LENGTH || frequency.containsKey(word) || !isLetters(word)) {
            return word;
        }
        String best = null;
        int bestFrequency = 0;
        List<String> candidates = new ArrayList<>(byDeletion.getOrDefault(word, List.of()));
        for (int i = 0; i < word.length(); i++) {
            candidates.addAll(byDeletion.getOrDefault(word.substring(0, i) + word.substring(i + 1), List.of()));
        }
        for (String candidate : candidates) {
            int f = frequency.getOrDefault(candidate, 0);
            boolean better = f > bestFrequency || (f == bestFrequency && best != null && candidate.compareTo(best) < 0);
            if (better && distance(word, candidate) == 1) {
                best = candidate;
                bestFrequency = f;
            }
        }
        return best == null ? word : best;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < 'a' || word.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** Optimal string alignment distance (Levenshtein with adjacent swaps), stopping early above 1. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
