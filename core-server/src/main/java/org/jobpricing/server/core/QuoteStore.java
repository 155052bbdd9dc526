package org.jobpricing.server.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.db.QuoteDao;

/** Turns priced quotes into stored rows and stores a chunk of them in one INSERT batch (one transaction). */
public final class QuoteStore {

    private final QuoteDao quotes;
    private final ObjectMapper json;

    public QuoteStore(QuoteDao quotes, ObjectMapper json) {
        this.quotes = quotes;
        this.json = json;
    }

    /** The row of a quote: its JSON exactly as the answer sends it, and the request as priced (enriched). */
    public QuoteDao.Row row(QuoteResponse quote, String requestJson, String author) {
        try {
            return new QuoteDao.Row(
                    quote.id(),
                    Timestamp.from(quote.createdAt()),
                    quote.occupationCode(),
                    quote.level(),
                    quote.country(),
                    quote.rulesetVersion(),
                    requestJson,
                    json.writeValueAsString(quote),
                    author);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quote " + quote.id() + " could not be serialised", e);
        }
    }

    /** Stores every row or none. */
    public void storeAll(List<QuoteDao.Row> rows) {
        if (!rows.isEmpty()) {
            quotes.insertAll(rows);
        }
    }
}
