package org.jobpricing.plugin.api;

/** Kind of market data a source provides; the pricing rules weight and filter by it. */
public enum SourceType {
    SURVEY,
    GOVERNMENT,
    POSTINGS,
    HRIS
}
