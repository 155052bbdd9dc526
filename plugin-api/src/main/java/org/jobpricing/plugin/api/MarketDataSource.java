package org.jobpricing.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * A source of market observations: a salary survey, government statistics, job postings or an HRIS
 * export. The host calls {@link #fetch} on refresh, checks every row with {@link ObservationChecks}
 * and stores the valid ones; a failing source never takes the others down.
 */
public interface MarketDataSource extends ExtensionPoint {

    /** Version of this API; a plugin's {@code Plugin-Requires} must accept it. */
    String API_VERSION = "1.0.0";

    /** A short, stable name for logs and refresh reports, e.g. {@code bls-oews}. */
    String name();

    /** Reads the source's current observations. Throw when the source cannot be read at all. */
    FetchResult fetch(SourceContext context) throws Exception;
}
