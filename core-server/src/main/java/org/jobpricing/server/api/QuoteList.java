package org.jobpricing.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One page of stored quotes, newest first: how many match in all, and this page's summaries. */
public record QuoteList(long total, int limit, int offset, List<Item> items) {

    /** A stored quote in a list; {@code author} is null for quotes stored before authors were kept. */
    public record Item(
            String id,
            Instant createdAt,
            String author,
            String title,
            String occupationCode,
            String level,
            String country,
            String area,
            String currency,
            String rulesetVersion,
            Band band,
            BigDecimal p50,
            Integer confidenceScore) {}

    /** The quote's salary band. */
    public record Band(BigDecimal min, BigDecimal mid, BigDecimal max) {}
}
