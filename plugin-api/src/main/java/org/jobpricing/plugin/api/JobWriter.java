package org.jobpricing.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * Writes text about a job with a language model (job descriptions). Implementations read their
 * endpoint, model and key from the plugin configuration in {@link PluginContext} and never log the key.
 */
public interface JobWriter extends ExtensionPoint {

    /** A short, stable name, e.g. {@code llm-enricher}. */
    String name();

    /** A job description for the brief; throws with a {@link WriterException.Kind} the host maps to a status. */
    String describe(PluginContext context, JobBrief brief) throws WriterException;
}
