package org.jobpricing.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Re-orders the occupations an offline {@link JobEnricher} proposed for a job, with a language model
 * or any other judge that reads the title and description. Implementations read their settings from
 * {@link PluginContext}, never log keys, and report a disabled or failing judge as a
 * {@link WriterException} (the host then keeps the offline order).
 */
public interface OccupationRanker extends ExtensionPoint {

    /** A short, stable name, e.g. {@code llm-enricher}. */
    String name();

    /**
     * The {@code candidates} best first, each with a new score between 0 and 1 and a reason. The answer
     * holds only codes among the candidates, each once (never an invented code); the host keeps any
     * candidate left out after the ranked ones, in their offline order.
     *
     * @param description the job description, or null
     * @throws WriterException {@link WriterException.Kind#NOT_CONFIGURED} when re-ranking is off, or
     *         another kind when the judge failed or answered something unusable
     */
    List<OccupationMatch> rank(
            PluginContext context, String title, String description, List<OccupationMatch> candidates)
            throws WriterException;
}
