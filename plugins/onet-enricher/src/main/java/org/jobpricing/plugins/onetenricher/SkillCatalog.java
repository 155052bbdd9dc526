package org.jobpricing.plugins.onetenricher;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobpricing.plugin.api.SkillMatch;

/**
 * The O*NET technology skills: which occupations use which technology, and which technologies are "hot"
 * (a technology is hot when O*NET flags any of its rows). Both lists rank a skill by
 * {@code score = 0.5·hot + 0.5·ln(1 + n) / ln(1 + nMax)}, where {@code n} is the number of occupations
 * using it and {@code nMax} the most any technology has: hot skills first, then the more widely used.
 */
final class SkillCatalog {

    /** A technology, whether it is hot, and how many occupations use it. */
    private record Skill(String name, boolean hot, int occupations) {}

    private static final Comparator<SkillMatch> RANKING =
            Comparator.comparingDouble(SkillMatch::score).reversed().thenComparing(SkillMatch::name);

    private final Map<String, Skill> skills;
    private final Map<String, Set<String>> byOccupation;
    private final SkillDictionary dictionary;
    private final double maxLog;

    private SkillCatalog(Map<String, Skill> skills, Map<String, Set<String>> byOccupation, SkillDictionary dictionary) {
        this.skills = skills;
        this.byOccupation = byOccupation;
        this.dictionary = dictionary;
        this.maxLog = Math.log1p(
                skills.values().stream().mapToInt(Skill::occupations).max().orElse(1));
    }

    /** Builds the catalogue; the occupation descriptions provide the ordinary English words. */
    static SkillCatalog build(OnetData data) {
        Map<String, Set<String>> byOccupation = new HashMap<>();
        Map<String, Boolean> hot = new HashMap<>();
        for (OnetData.TechnologySkill row : data.skills()) {
            byOccupation.computeIfAbsent(row.code(), c -> new LinkedHashSet<>()).add(row.name());
            hot.merge(row.name(), row.hot(), Boolean::logicalOr);
        }
        Map<String, Integer> occupations = new HashMap<>();
        byOccupation.values().forEach(names -> names.forEach(n -> occupations.merge(n, 1, Integer::sum)));
        Map<String, Skill> skills = new HashMap<>();
        hot.forEach((name, isHot) -> skills.put(name, new Skill(name, isHot, occupations.get(name))));
        SkillDictionary dictionary = new SkillDictionary(skills.keySet(), occupations::get, ordinaryWords(data));
        return new SkillCatalog(Map.copyOf(skills), Map.copyOf(byOccupation), dictionary);
    }

    /** The technologies named in {@code text}, ranked. */
    List<SkillMatch> extract(String text, int limit) {
        return ranked(dictionary.find(text), limit);
    }

    /** The technologies occupation {@code code} uses, ranked; empty for an unknown code. */
    List<SkillMatch> forOccupation(String code, int limit) {
        return ranked(byOccupation.getOrDefault(code, Set.of()), limit);
    }

    private List<SkillMatch> ranked(Collection<String> names, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return names.stream()
                .map(skills::get)
                .map(this::toMatch)
                .sorted(RANKING)
                .limit(limit)
                .toList();
    }

    private SkillMatch toMatch(Skill skill) {
        double spread = maxLog == 0 ? 0 : Math.log1p(skill.occupations()) / maxLog;
        return new SkillMatch(skill.name(), skill.hot(), (skill.hot() ? 0.5 : 0) + 0.5 * spread);
    }

    private static Set<String> ordinaryWords(OnetData data) {
        Set<String> words = new HashSet<>();
        for (OnetData.Occupation occupation : data.occupations()) {
            SkillText.words(occupation.description()).forEach(w -> words.add(w.lower()));
        }
        return words;
    }
}
