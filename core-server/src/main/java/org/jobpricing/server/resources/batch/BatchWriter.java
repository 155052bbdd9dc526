package org.jobpricing.server.resources.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.core.CsvText;
import org.jobpricing.server.core.batch.BatchOutcome;
import org.jobpricing.server.core.batch.BatchSink;
import org.jobpricing.server.core.batch.BatchSummary;
import org.jobpricing.server.errors.DomainExceptionMapper;

/** Writes batch outcomes as CSV (one header, one row per input line) or NDJSON (one object per line, then the summary). */
public final class BatchWriter implements BatchSink {

    static final List<String> OUTPUT_COLUMNS = List.of(
            "line",
            "status",
            "id",
            "occupation_code",
            "level",
            "country",
            "currency",
            "as_of",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "market_reference_point",
            "premium",
            "band_min",
            "band_mid",
            "band_max",
            "confidence",
            "confidence_label",
            "ruleset_version",
            "error",
            "message",
            "warnings");

    private final Writer out;
    private final boolean csv;
    private final ObjectMapper json;

    private BatchWriter(OutputStream out, boolean csv, ObjectMapper json) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = csv;
        this.json = json;
    }

    public static BatchWriter csv(OutputStream out) {
        return new BatchWriter(out, true, null);
    }

    public static BatchWriter ndjson(OutputStream out, ObjectMapper json) {
        return new BatchWriter(out, false, json);
    }

    @Override
    public void start() throws IOException {
        if (csv) {
            out.write(String.join(",", OUTPUT_COLUMNS) + "\n");
        }
    }

    @Override
    public void write(List<BatchOutcome> outcomes) throws IOException {
        for (BatchOutcome o : outcomes) {
            out.write(csv ? csvLine(o) : jsonLine(json, o));
        }
        out.flush();
    }

    @Override
    public void finish(BatchSummary summary) throws IOException {
        if (!csv) {
            out.write(json.writeValueAsString(Map.of("summary", summary)) + "\n");
        }
        out.flush();
    }

    static String jsonLine(ObjectMapper json, BatchOutcome o) throws JsonProcessingException {
        if (o.error() != null) {
            return json.writeValueAsString(Map.of(
                            "line",
                            o.line(),
                            "status",
                            "ERROR",
                            "error",
                            Map.of(
                                    "code",
                                    DomainExceptionMapper.status(o.error()),
                                    "error",
                                    o.error().code(),
                                    "message",
                                    o.error().getMessage(),
                                    "details",
                                    o.error().details())))
                    + "\n";
        }
        QuoteResponse q = o.quote();
        Map<String, Object> quote = new java.util.LinkedHashMap<>();
        quote.put("id", q.id());
        quote.put("occupationCode", q.occupationCode());
        quote.put("level", q.level());
        quote.put("country", q.country());
        quote.put("currency", q.currency());
        quote.put("asOf", q.asOf().toString());
        quote.put("market", q.market());
        quote.put("marketReferencePoint", q.marketReferencePoint());
        quote.put("premium", q.premium());
        quote.put("band", q.band());
        quote.put("confidence", q.confidence());
        quote.put("warnings", q.warnings());
        quote.put("rulesetVersion", q.rulesetVersion());
        return json.writeValueAsString(Map.of("line", o.line(), "status", "OK", "quote", quote)) + "\n";
    }

    static String csvLine(BatchOutcome o) {
        List<Object> cells;
        if (o.error() != null) {
            cells = new ArrayList<>(Arrays.asList(o.line(), "ERROR"));
            while (cells.size() < OUTPUT_COLUMNS.size() - 3) {
                cells.add("");
            }
            cells.add(o.error().code());
            cells.add(o.error().getMessage());
            cells.add("");
        } else {
            QuoteResponse q = o.quote();
            cells = Arrays.asList(
                    o.line(),
                    "OK",
                    q.id(),
                    q.occupationCode(),
                    q.level(),
                    q.country(),
                    q.currency(),
                    q.asOf(),
                    q.market().p10(),
                    q.market().p25(),
                    q.market().p50(),
                    q.market().p75(),
                    q.market().p90(),
                    q.marketReferencePoint(),
                    q.premium(),
                    q.band().min(),
                    q.band().mid(),
                    q.band().max(),
                    q.confidence().score(),
                    q.confidence().label(),
                    q.rulesetVersion(),
                    "",
                    "",
                    String.join("; ", q.warnings()));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : ",").append(csvCell(cells.get(i)));
        }
        return line.append('\n').toString();
    }

    static String csvCell(Object value) {
        return CsvText.cell(value);
    }
}
