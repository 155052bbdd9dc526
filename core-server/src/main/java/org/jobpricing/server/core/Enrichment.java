package org.jobpricing.server.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.JobEnricher;
import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.SkillMatch;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.api.PricingRequest;

/**
 * Fills in what a pricing request leaves out: the occupation from the title (and description), the
 * skills from the description, using the installed enricher plugin. What was inferred, and how sure
 * the engine is, goes into the quote's explanation; a weak occupation match becomes a warning.
 */
public final class Enrichment {

    static final int SKILLS_FROM_TEXT = 10;

    private final Supplier<List<JobEnricher>> enrichers;
    private final double minConfidence;

    public Enrichment(Supplier<List<JobEnricher>> enrichers, double minConfidence) {
        this.enrichers = enrichers;
        this.minConfidence = minConfidence;
    }

    /** The first installed enricher, if any. */
    public Optional<JobEnricher> enricher() {
        return enrichers.get().stream().findFirst();
    }

    /** The request with occupation and skills filled in where they were missing; each inference is traced. */
    public PricingRequest enrich(PricingRequest r, Trace trace) {
        Optional<JobEnricher> enricher = enricher();
        if (enricher.isEmpty()) {
            return r;
        }
        String occupation = r.occupationCode();
        if (occupation == null || occupation.isBlank()) {
            List<OccupationMatch> matches = enricher.get().matchOccupations(r.title(), r.description(), 3);
            if (!matches.isEmpty()) {
                OccupationMatch best = matches.get(0);
                occupation = socCode(best.code());
                trace.note(String.format(Locale.ROOT, "occupationCode inferred from the title \"%s\": %s (%s, O*NET %s), "
                        + "confidence %.2f; %s; next: %s", r.title(), occupation, best.title(), best.code(), best.score(),
                        best.reason(), matches.stream().skip(1).map(m -> m.code() + String.format(Locale.ROOT, " %.2f",
                                m.score())).collect(Collectors.joining(", "))));
                if (best.score() < minConfidence) {
                    trace.warn(String.format(Locale.ROOT, "the occupation %s was inferred with low confidence (%.2f < %.2f); "
                            + "send occupationCode to be sure", occupation, best.score(), minConfidence));
                }
                trace.ruleFired("Occupation enricher (" + enricher.get().name() + ")");
            }
        }
        List<String> skills = r.skills();
        if ((skills == null || skills.isEmpty()) && r.description() != null && !r.description().isBlank()) {
            List<SkillMatch> found = enricher.get().extractSkills(r.description(), SKILLS_FROM_TEXT);
            if (!found.isEmpty()) {
                skills = found.stream().map(SkillMatch::name).toList();
                trace.note("skills inferred from the description: " + found.stream()
                        .map(s -> s.name() + (s.hot() ? " (hot)" : "") + String.format(Locale.ROOT, " %.2f", s.score()))
                        .collect(Collectors.joining(", ")));
                trace.ruleFired("Skill enricher (" + enricher.get().name() + ")");
            }
        }
        return new PricingRequest(r.title(), occupation, r.level(), r.country(), r.area(), r.currency(), r.asOf(), skills,
                r.description());
    }

    /** O*NET-SOC {@code 15-1252.00} → SOC {@code 15-1252}, the code market data is filed under. */
    static String socCode(String onetCode) {
        return onetCode.length() > 7 && onetCode.charAt(7) == '.' ? onetCode.substring(0, 7) : onetCode;
    }
}
