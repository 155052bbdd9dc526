package org.jobpricing.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jobpricing.server.api.QuoteList;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.db.QuoteDao;

/** The stored quotes, newest first, filtered by job, author, rule-set version and creation day (UTC). */
public final class QuoteHistory {

    /** What to list; null fields do not filter, {@code from} and {@code to} are days included (UTC). */
    public record Query(
            String occupationCode,
            String level,
            String country,
            String author,
            String rulesetVersion,
            LocalDate from,
            LocalDate to,
            int limit,
            int offset) {}

    private static final Instant FIRST = Instant.EPOCH;
    private static final Instant LAST = Instant.parse("9999-12-31T00:00:00Z");
    private final QuoteDao quotes;
    private final ObjectMapper json;

    public QuoteHistory(QuoteDao quotes, ObjectMapper json) {
        this.quotes = quotes;
        this.json = json;
    }

    /** One page of the matching quotes and how many match in all (one transaction, so both agree). */
    public QuoteList find(Query query) {
        QuoteDao.Filter filter = new QuoteDao.Filter(
                query.occupationCode(),
                query.level(),
                query.country(),
                query.author(),
                query.rulesetVersion(),
                Timestamp.from(
                        query.from() == null
                                ? FIRST
                                : query.from().atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(
                        query.to() == null
                                ? LAST
                                : query.to()
                                        .plusDays(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()));
        QuoteDao.Page page = quotes.page(filter, query.limit(), query.offset());
        List<QuoteList.Item> items = page.rows().stream().map(this::item).toList();
        return new QuoteList(page.total(), query.limit(), query.offset(), items);
    }

    private QuoteList.Item item(QuoteDao.Listed row) {
        QuoteResponse quote;
        try {
            quote = json.readValue(row.responseJson(), QuoteResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote " + row.id() + " is unreadable", e);
        }
        QuoteResponse.Band band = quote.band();
        // the stored answer keeps the instant to the nanosecond; the column is rounded to microseconds
        return new QuoteList.Item(
                row.id(),
                quote.createdAt(),
                row.author(),
                quote.title(),
                row.occupationCode(),
                row.level(),
                row.country(),
                quote.area(),
                quote.currency(),
                row.rulesetVersion(),
                band == null ? null : new QuoteList.Band(band.min(), band.mid(), band.max()),
                quote.market() == null ? null : quote.market().p50(),
                quote.confidence() == null ? null : quote.confidence().score());
    }
}
