package org.jobpricing.plugins.llmenricher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.OccupationRanker;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.WriterException;
import org.pf4j.Extension;

/**
 * Re-ranks the offline occupation candidates with any OpenAI-compatible chat API (the same client
 * settings as {@link OpenAiJobWriter}), only when the plugin configuration also says {@code rerank: true}.
 * The model answers strict JSON; codes that are not candidates are dropped and candidates it leaves out
 * follow the ranked ones in their offline order, so the answer is always a permutation of the candidates.
 */
@Extension
public class OpenAiOccupationRanker implements OccupationRanker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REASON_CHARS = 300;

    @Override
    public String name() {
        return "llm-enricher";
    }

    @Override
    public List<OccupationMatch> rank(
            PluginContext context, String title, String description, List<OccupationMatch> candidates)
            throws WriterException {
        if (!context.get("rerank").map(v -> v.strip().equalsIgnoreCase("true")).orElse(false)) {
            throw new WriterException(
                    WriterException.Kind.NOT_CONFIGURED,
                    "re-ranking is off: set plugins.config.llm-enricher.rerank to true (LLM_RERANK)",
                    null);
        }
        if (candidates.size() < 2) {
            return List.copyOf(candidates);
        }
        String answer = LlmClient.chat(context, Prompts.occupationRanking(title, description, candidates));
        return merge(parse(answer), candidates);
    }

    /** One entry of the model's ranking, before it is checked against the candidates. */
    record Ranked(String code, double score, String reason) {}

    /** The model's ranking in its own order; unusable entries (no code, no numeric score) are left out. */
    static List<Ranked> parse(String answer) throws WriterException {
        JsonNode ranking = readJson(answer)
                .map(root -> root.get("ranking"))
                .filter(JsonNode::isArray)
                .orElseThrow(() -> new WriterException(
                        WriterException.Kind.BAD_RESPONSE,
                        "the LLM did not answer the JSON ranking it was asked for",
                        null));
        List<Ranked> entries = new ArrayList<>();
        for (JsonNode entry : ranking) {
            JsonNode code = entry.get("code");
            JsonNode score = entry.get("score");
            if (code == null || !code.isTextual() || score == null || !(score.isNumber() || score.isTextual())) {
                continue;
            }
            double value;
            try {
                value = score.isNumber()
                        ? score.asDouble()
                        : Double.parseDouble(score.asText().strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (Double.isNaN(value)) {
                continue;
            }
            JsonNode reason = entry.get("reason");
            entries.add(new Ranked(
                    code.asText().strip(),
                    Math.max(0, Math.min(1, value)),
                    reason != null && reason.isTextual() ? reason.asText().strip() : ""));
        }
        return entries;
    }

    /**
     * The candidates the model ranked, best score first (ties in the model's order), then the others in
     * their offline order with scores no higher than the last ranked one.
     */
    static List<OccupationMatch> merge(List<Ranked> ranked, List<OccupationMatch> candidates) throws WriterException {
        Map<String, OccupationMatch> left = new LinkedHashMap<>();
        candidates.forEach(c -> left.putIfAbsent(c.code(), c));
        List<OccupationMatch> result = new ArrayList<>();
        for (Ranked r : ranked) {
            OccupationMatch candidate = candidateFor(r.code(), left);
            if (candidate != null) {
                left.remove(candidate.code());
                String reason = r.reason().isEmpty()
                        ? "ranked by the language model"
                        : r.reason().length() > REASON_CHARS ? r.reason().substring(0, REASON_CHARS) : r.reason();
                result.add(new OccupationMatch(candidate.code(), candidate.title(), r.score(), reason));
            }
        }
        if (result.isEmpty()) {
            throw new WriterException(
                    WriterException.Kind.BAD_RESPONSE, "the LLM ranking named none of the candidate occupations", null);
        }
        result.sort(Comparator.comparingDouble(OccupationMatch::score).reversed());
        double floor = result.get(result.size() - 1).score();
        for (OccupationMatch rest : left.values()) {
            result.add(new OccupationMatch(
                    rest.code(),
                    rest.title(),
                    Math.min(floor, rest.score()),
                    "not ranked by the language model; offline: " + rest.reason()));
        }
        return result;
    }

    /** The candidate a code names: exactly, or by its SOC code without the O*NET suffix (15-1252 for 15-1252.00). */
    private static OccupationMatch candidateFor(String code, Map<String, OccupationMatch> left) {
        OccupationMatch exact = left.get(code);
        if (exact != null) {
            return exact;
        }
        List<OccupationMatch> prefixed = left.values().stream()
                .filter(c -> c.code().toUpperCase(Locale.ROOT).startsWith(code.toUpperCase(Locale.ROOT) + "."))
                .toList();
        return prefixed.size() == 1 ? prefixed.get(0) : null;
    }

    /** The answer as JSON, tolerating a Markdown code fence or a sentence around the object. */
    private static Optional<JsonNode> readJson(String answer) {
        String text = answer.strip();
        for (String candidate : new String[] {text, between(text, '{', '}')}) {
            if (candidate == null) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(candidate);
                if (node != null && node.isObject()) {
                    return Optional.of(node);
                }
            } catch (JsonProcessingException e) {
                // try the next reading
            }
        }
        return Optional.empty();
    }

    private static String between(String text, char open, char close) {
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        return start >= 0 && end > start ? text.substring(start, end + 1) : null;
    }
}
