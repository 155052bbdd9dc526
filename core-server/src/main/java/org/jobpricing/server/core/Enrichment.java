package org.jobpricing.server.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.JobEnricher;
import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.SkillMatch;
import org.jobpricing.plugin.api.WriterException;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.plugins.PluginHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in what a pricing request leaves out: the occupation from the title (and description), the
 * skills from the description, using the installed enricher plugin. What was inferred, and how sure
 * the engine is, goes into the quote's explanation; a weak occupation match becomes a warning. When a
 * ranker plugin (a language model) is installed and switched on, it re-orders the enricher's top
 * candidates first; if it fails, the offline order stands and the quote says so.
 */
public final class Enrichment implements PricingPipeline.Enricher {

    static final int SKILLS_FROM_TEXT = 10;
    /** How many of the offline candidates the ranker sees. */
    static final int RERANK_TOP = 5;
    /** Candidates named in a quote's explanation: the choice and the next two. */
    static final int EXPLAINED = 3;
    /** A ranker's reason is shown in quotes; longer ones are cut. */
    static final int REASON_CHARS = 300;

    private static final Logger LOG = LoggerFactory.getLogger(Enrichment.class);

    private final Supplier<List<JobEnricher>> enrichers;
    private final Supplier<List<PluginHost.Ranker>> rankers;
    private final Map<String, Map<String, String>> pluginConfig;
    private final Clock clock;
    private final double minConfidence;
    private final Duration rankTimeout;
    private final ExecutorService rankCalls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "occupation-ranker");
        t.setDaemon(true);
        return t;
    });

    /** Offline enrichment only. */
    public Enrichment(Supplier<List<JobEnricher>> enrichers, double minConfidence) {
        this(enrichers, List::of, Map.of(), Clock.systemUTC(), minConfidence, Duration.ofSeconds(10));
    }

    /** {@code rankTimeout}: the longest a quote waits for the ranker before it keeps the offline order. */
    public Enrichment(
            Supplier<List<JobEnricher>> enrichers,
            Supplier<List<PluginHost.Ranker>> rankers,
            Map<String, Map<String, String>> pluginConfig,
            Clock clock,
            double minConfidence,
            Duration rankTimeout) {
        this.enrichers = enrichers;
        this.rankers = rankers;
        this.pluginConfig = pluginConfig;
        this.clock = clock;
        this.minConfidence = minConfidence;
        this.rankTimeout = rankTimeout;
    }

    /** The offline candidates and what the ranker made of them. */
    record Candidates(List<OccupationMatch> offline, List<OccupationMatch> matches, String rankedBy, String problem) {

        boolean reranked() {
            return rankedBy != null;
        }
    }

    /** The first installed enricher, if any. */
    public Optional<JobEnricher> enricher() {
        return enrichers.get().stream().findFirst();
    }

    /** The request with occupation and skills filled in where they were missing; each inference is traced. */
    @Override
    public PricingRequest enrich(PricingRequest r, Trace trace) {
        Optional<JobEnricher> enricher = enricher();
        if (enricher.isEmpty()) {
            return r;
        }
        String occupation = r.occupationCode();
        if (occupation == null || occupation.isBlank()) {
            Candidates candidates = candidates(enricher.get(), r.title(), r.description(), EXPLAINED);
            List<OccupationMatch> matches = candidates.matches();
            if (matches.isEmpty()) {
                throw new CannotPriceException(
                        "OCCUPATION_NOT_RESOLVED",
                        "no occupation matches the title \"" + r.title() + "\" (enricher "
                                + enricher.get().name() + "); send occupationCode",
                        List.of(new FieldError("occupationCode", "is required: the title matched no occupation")));
            }
            OccupationMatch best = matches.get(0);
            occupation = socCode(best.code());
            trace.say(String.format(
                    Locale.ROOT,
                    "occupationCode inferred from the title \"%s\": %s (%s, O*NET %s), "
                            + "confidence %.2f; %s; next: %s",
                    r.title(),
                    occupation,
                    best.title(),
                    best.code(),
                    best.score(),
                    best.reason(),
                    matches.stream()
                            .skip(1)
                            .map(m -> String.format(Locale.ROOT, "%s (%s) %.2f", m.code(), m.title(), m.score()))
                            .collect(Collectors.joining(", "))));
            suggestedLevel(candidates.offline())
                    .ifPresent(level -> trace.say(String.format(
                            Locale.ROOT,
                            "the title \"%s\" suggests the level %s; the request's level %s was priced%s",
                            r.title(),
                            level,
                            r.level(),
                            level.equals(r.level()) ? " (the same)" : "")));
            if (candidates.reranked()) {
                OccupationMatch before = candidates.offline().get(0);
                trace.say(String.format(
                        Locale.ROOT,
                        "the top %d offline candidates were re-ranked by the language "
                                + "model (%s): top before %s (%.2f), after %s (%.2f)%s",
                        Math.min(RERANK_TOP, candidates.offline().size()),
                        candidates.rankedBy(),
                        before.code(),
                        before.score(),
                        best.code(),
                        best.score(),
                        before.code().equals(best.code()) ? ", unchanged" : ""));
            } else if (candidates.problem() != null) {
                trace.warn("the language model could not re-rank the occupation candidates (" + candidates.problem()
                        + "); the offline order was kept");
            }
            if (best.score() < minConfidence) {
                trace.warn(String.format(
                        Locale.ROOT,
                        "the occupation %s was inferred with low confidence (%.2f < %.2f); "
                                + "send occupationCode to be sure",
                        occupation,
                        best.score(),
                        minConfidence));
            }
            trace.ruleFired("Occupation enricher (" + enricher.get().name() + ")");
        }
        List<String> skills = r.skills();
        if ((skills == null || skills.isEmpty())
                && r.description() != null
                && !r.description().isBlank()) {
            List<SkillMatch> found = enricher.get().extractSkills(r.description(), SKILLS_FROM_TEXT);
            if (!found.isEmpty()) {
                skills = found.stream().map(SkillMatch::name).toList();
                trace.say("skills inferred from the description: "
                        + found.stream()
                                .map(s -> s.name()
                                        + (s.hot() ? " (hot)" : "")
                                        + String.format(Locale.ROOT, " %.2f", s.score()))
                                .collect(Collectors.joining(", ")));
                trace.ruleFired("Skill enricher (" + enricher.get().name() + ")");
            }
        }
        return new PricingRequest(
                r.title(),
                occupation,
                r.level(),
                r.country(),
                r.area(),
                r.currency(),
                r.asOf(),
                skills,
                r.description());
    }

    /**
     * The occupations a title most likely belongs to, best first, at most {@code limit}: the enricher's,
     * with its top candidates re-ranked by the ranker plugin when one is on (the offline order otherwise).
     */
    public List<OccupationMatch> matchOccupations(JobEnricher enricher, String title, String description, int limit) {
        return candidates(enricher, title, description, limit).matches();
    }

    private Candidates candidates(JobEnricher enricher, String title, String description, int limit) {
        Optional<PluginHost.Ranker> ranker = rankers.get().stream().findFirst();
        List<OccupationMatch> offline =
                enricher.matchOccupations(title, description, ranker.isPresent() ? Math.max(limit, RERANK_TOP) : limit);
        List<OccupationMatch> unranked = offline.subList(0, Math.min(limit, offline.size()));
        if (ranker.isEmpty() || offline.size() < 2 || limit < 1) {
            return new Candidates(offline, unranked, null, null);
        }
        List<OccupationMatch> top = offline.subList(0, Math.min(RERANK_TOP, offline.size()));
        String pluginId = ranker.get().pluginId();
        List<OccupationMatch> ranked;
        Future<List<OccupationMatch>> call = rankCalls.submit(() -> ranker.get()
                .ranker()
                .rank(
                        PluginContext.of(pluginId, pluginConfig.getOrDefault(pluginId, Map.of()), clock),
                        title,
                        description,
                        top));
        try {
            ranked = call.get(rankTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn(
                    "occupation re-ranking by plugin {} gave no answer within {} ms", pluginId, rankTimeout.toMillis());
            return new Candidates(
                    offline, unranked, null, "timeout: no answer within " + rankTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Candidates(offline, unranked, null, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WriterException w) {
                if (w.kind() == WriterException.Kind.NOT_CONFIGURED) {
                    return new Candidates(offline, unranked, null, null);
                }
                LOG.warn("occupation re-ranking by plugin {} failed ({}): {}", pluginId, w.kind(), w.getMessage());
                return new Candidates(
                        offline,
                        unranked,
                        null,
                        w.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + w.getMessage());
            }
            // a faulty plugin must never fail pricing
            LOG.warn("occupation re-ranking by plugin {} failed", pluginId, e.getCause());
            return new Candidates(
                    offline,
                    unranked,
                    null,
                    "the ranker plugin failed: " + e.getCause().getClass().getSimpleName());
        }
        if (ranked == null) {
            return new Candidates(offline, unranked, null, "bad response: the ranker returned nothing");
        }
        List<OccupationMatch> checked = onlyCandidates(ranked, top);
        if (checked.isEmpty()) {
            LOG.warn("occupation re-ranking by plugin {} named none of the candidates", pluginId);
            return new Candidates(offline, unranked, null, "bad response: no candidate in the ranking");
        }
        List<OccupationMatch> matches = new ArrayList<>(checked);
        for (OccupationMatch candidate : offline) {
            if (matches.stream().noneMatch(m -> m.code().equals(candidate.code()))) {
                matches.add(candidate);
            }
        }
        return new Candidates(
                offline, List.copyOf(matches.subList(0, Math.min(limit, matches.size()))), pluginId, null);
    }

    /** The ranked entries that are candidates, each once, with the candidate's own title: a plugin cannot add codes. */
    private static List<OccupationMatch> onlyCandidates(
            List<OccupationMatch> ranked, List<OccupationMatch> candidates) {
        Map<String, OccupationMatch> byCode = new LinkedHashMap<>();
        candidates.forEach(c -> byCode.putIfAbsent(c.code(), c));
        List<OccupationMatch> checked = new ArrayList<>();
        for (OccupationMatch m : ranked == null ? List.<OccupationMatch>of() : ranked) {
            OccupationMatch candidate = m == null ? null : byCode.remove(m.code());
            if (candidate != null) {
                String reason = m.reason().length() > REASON_CHARS ? m.reason().substring(0, REASON_CHARS) : m.reason();
                checked.add(new OccupationMatch(
                        candidate.code(), candidate.title(), m.score(), reason, candidate.suggestedLevel()));
            }
        }
        return checked;
    }

    /** The level the enricher read in the title's seniority words (plugin API 1.1.0), if any. */
    static Optional<String> suggestedLevel(List<OccupationMatch> matches) {
        return matches.stream()
                .map(OccupationMatch::suggestedLevel)
                .filter(level -> level != null)
                .findFirst();
    }

    /** O*NET-SOC {@code 15-1252.00} → SOC {@code 15-1252}, the code market data is filed under. */
    static String socCode(String onetCode) {
        return onetCode.length() > 7 && onetCode.charAt(7) == '.' ? onetCode.substring(0, 7) : onetCode;
    }
}
