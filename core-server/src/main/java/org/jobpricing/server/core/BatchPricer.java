package org.jobpricing.server.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.errors.DomainExceptionMapper;
import org.jobpricing.server.errors.JsonExceptionMapper;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InternalFailureException;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.metrics.PricingMetrics;
import org.jobpricing.server.rules.CompiledRuleSet;

/**
 * Prices a stream of requests (CSV or a JSON array) into a stream of results (NDJSON or CSV), one
 * line per input line, a bad row answered with its error instead of failing the batch. Quotes are
 * stored in chunks before their lines are written, so no returned quote is ever lost; memory stays
 * flat whatever the batch size. The whole batch uses one rule-set version.
 */
public final class BatchPricer {

    public static final int MAX_ROWS = 100_000;
    private static final String NOT_UTF8 = "holds bytes that are not UTF-8; save the file as UTF-8";
    static final int CHUNK = 500;
    /** Input CSV columns; skills are separated by ';'. */
    public static final List<String> CSV_COLUMNS =
            List.of("title", "occupation_code", "level", "country", "area", "currency", "as_of", "skills");

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

    private final PricingPipeline pipeline;
    private final QuoteStore store;
    private final ObjectMapper json;
    private final Validator validator;
    private final PricingMetrics metrics;

    public BatchPricer(
            PricingPipeline pipeline,
            QuoteStore store,
            ObjectMapper json,
            Validator validator,
            PricingMetrics metrics) {
        this.pipeline = pipeline;
        this.store = store;
        this.json = json;
        this.validator = validator;
        this.metrics = metrics;
    }

    /** Counts of one batch. */
    public record Summary(long lines, long priced, long failed, double seconds) {}

    /** One input row: its line (CSV) or position (JSON), and the request or why it could not be read. */
    private record Input(long line, PricingRequest request, DomainException unreadable) {}

    /** An opened batch: the input was recognised (a CSV header is checked here, before any output). */
    public static final class Batch {
        private final Iterator<Input> inputs;
        private final String author;

        private Batch(Iterator<Input> inputs, String author) {
            this.inputs = inputs;
            this.author = author;
        }
    }

    /** Opens {@code in} as CSV or a JSON array, priced by no signed-in user (the offline command). */
    public Batch open(InputStream in, boolean csvInput) throws IOException {
        return open(in, csvInput, null);
    }

    /**
     * Opens {@code in} as CSV or a JSON array, its quotes stored with {@code author} (the signed-in
     * username); a wrong CSV header is a 400 before anything is written.
     */
    public Batch open(InputStream in, boolean csvInput, String author) throws IOException {
        return new Batch(csvInput ? csv(in) : jsonArray(in), author);
    }

    /** One output line waiting for its chunk to be stored. */
    private record Output(long line, QuoteResponse quote, String requestJson, DomainException error) {}

    /** Prices every request of the batch, writing results to {@code out} (CSV when {@code csvOutput}, else NDJSON). */
    public Summary price(Batch batch, OutputStream out, boolean csvOutput, CompiledRuleSet rules, LongConsumer progress)
            throws IOException {
        long started = System.nanoTime();
        Iterator<Input> inputs = batch.inputs;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (csvOutput) {
            writer.write(String.join(",", OUTPUT_COLUMNS) + "\n");
        }
        long lines = 0;
        long failed = 0;
        List<Output> chunk = new ArrayList<>(CHUNK);
        // one chunk is stored and written on a second thread while the next one is priced; at most two
        // chunks are held, and chunks reach the client in order, each only once it is stored
        ExecutorService storing = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "batch-store");
            t.setDaemon(true);
            return t;
        });
        Future<?> previous = null;
        try {
            while (inputs.hasNext()) {
                Input input = inputs.next();
                lines++;
                if (lines > MAX_ROWS) {
                    String tooMany = "a batch holds at most " + MAX_ROWS + " requests; the rest was not read";
                    chunk.add(new Output(
                            input.line(),
                            null,
                            null,
                            new InvalidInputException(
                                    "BATCH_TOO_LARGE", tooMany, List.of(new Problem(input.line(), null, tooMany)))));
                    failed++;
                    break;
                }
                Output output = priceOne(input, rules);
                failed += output.error() == null ? 0 : 1;
                chunk.add(output);
                if (chunk.size() == CHUNK) {
                    awaitStored(previous);
                    List<Output> full = chunk;
                    previous = storing.submit(() -> {
                        flush(full, writer, csvOutput, batch.author);
                        return null;
                    });
                    chunk = new ArrayList<>(CHUNK);
                    progress.accept(lines - CHUNK);
                }
            }
            awaitStored(previous);
            flush(chunk, writer, csvOutput, batch.author);
        } finally {
            storing.shutdown(); // never interrupt a chunk being stored: H2 closes its file on an interrupt
        }
        Summary summary = new Summary(
                Math.min(lines, MAX_ROWS + 1),
                Math.min(lines, MAX_ROWS + 1) - failed,
                failed,
                (System.nanoTime() - started) / 1e9);
        if (!csvOutput) {
            writer.write(json.writeValueAsString(Map.of("summary", summary)) + "\n");
        }
        writer.flush();
        progress.accept(lines);
        return summary;
    }

    private Output priceOne(Input input, CompiledRuleSet rules) {
        if (input.unreadable() != null) {
            return new Output(input.line(), null, null, input.unreadable());
        }
        try {
            PricingRequest request = input.request();
            List<FieldError> invalid = new ArrayList<>();
            for (ConstraintViolation<PricingRequest> v : validator.validate(request)) {
                invalid.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
            }
            if (!invalid.isEmpty()) {
                throw new InvalidInputException("INVALID_REQUEST", invalid.size() + " field(s) invalid", invalid);
            }
            // what is stored is what was priced, as for a single quote
            PricingPipeline.Priced priced = pipeline.price(request, rules);
            metrics.quotePriced(priced.evaluationNanos() / 1e9, priced.explanationSteps());
            return new Output(input.line(), priced.quote(), json.writeValueAsString(priced.request()), null);
        } catch (DomainException e) {
            return new Output(input.line(), null, null, e);
        } catch (RuntimeException | JsonProcessingException e) {
            return new Output(
                    input.line(),
                    null,
                    null,
                    new InternalFailureException(
                            "INTERNAL_ERROR",
                            "this row could not be priced: " + e.getClass().getSimpleName(),
                            List.of()));
        }
    }

    /** Waits for the previous chunk to be stored and written; its failure fails the batch here. */
    private static void awaitStored(Future<?> previous) throws IOException {
        if (previous == null) {
            return;
        }
        try {
            previous.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while storing a chunk");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stores the chunk's quotes, then writes its lines: a line reaches the client only once stored. */
    private void flush(List<Output> chunk, Writer writer, boolean csvOutput, String author) throws IOException {
        List<QuoteDao.Row> rows = new ArrayList<>();
        for (Output o : chunk) {
            if (o.quote() != null) {
                rows.add(store.row(o.quote(), o.requestJson(), author));
            }
        }
        store.storeAll(rows);
        for (Output o : chunk) {
            writer.write(csvOutput ? csvLine(o) : jsonLine(o));
        }
        writer.flush();
        chunk.clear();
    }

    private String jsonLine(Output o) throws JsonProcessingException {
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

    private static String csvLine(Output o) {
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

    private static String csvCell(Object value) {
        String text =
                value == null ? "" : value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private Iterator<Input> csv(InputStream in) throws IOException {
        Utf8LineReader text = new Utf8LineReader(in);
        MappingIterator<String[]> rows;
        String[] header;
        long headerLine;
        try {
            rows = new CsvMapper()
                    .readerFor(String[].class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .with(CsvParser.Feature.TRIM_SPACES)
                    .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .readValues(text);
            header = rows.hasNextValue() ? rows.nextValue() : null;
            headerLine = rows.getParser().currentTokenLocation().getLineNr();
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(
                    "INVALID_CSV", "the CSV header cannot be read", List.of(new Problem(1, null, csvProblem(e))));
        }
        String expected = String.join(",", CSV_COLUMNS);
        if (header == null) {
            throw new InvalidInputException(
                    "INVALID_CSV",
                    "the CSV is empty; expected the header " + expected,
                    List.of(new Problem(1, null, "expected the header " + expected)));
        }
        if (text.anyBad(1, headerLine)) {
            throw new InvalidInputException(
                    "NOT_UTF8",
                    "the CSV header holds bytes that are not UTF-8",
                    List.of(new Problem(headerLine, null, NOT_UTF8)));
        }
        List<String> names =
                Arrays.stream(header).map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(CSV_COLUMNS)) {
            throw new InvalidInputException(
                    "INVALID_CSV",
                    "header must be exactly " + expected + " but was " + String.join(",", names),
                    List.of(new Problem(headerLine, null, "must be exactly " + expected)));
        }
        return new Iterator<>() {
            /** Where the parser stands: the first line of the next row (or of blank lines before it). */
            private long nextStart = rows.getParser().currentLocation().getLineNr();

            private Input unreadable;
            private boolean broken;

            @Override
            public boolean hasNext() {
                if (broken) {
                    return false;
                }
                if (unreadable != null) {
                    return true;
                }
                try {
                    return rows.hasNextValue();
                } catch (JsonProcessingException e) {
                    unreadable = broken(nextStart, e);
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Input next() {
                if (unreadable != null) {
                    broken = true;
                    return unreadable;
                }
                long start = nextStart;
                String[] c;
                try {
                    c = rows.nextValue();
                } catch (JsonProcessingException e) {
                    broken = true;
                    return broken(start, e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                nextStart = rows.getParser().currentLocation().getLineNr();
                long line = rows.getParser().currentTokenLocation().getLineNr();
                if (text.anyBad(start, Math.max(start, nextStart - 1))) {
                    return new Input(
                            line,
                            null,
                            new InvalidInputException(
                                    "NOT_UTF8",
                                    "line " + line + " holds bytes that are not UTF-8; save the file as UTF-8",
                                    List.of(new Problem(line, null, NOT_UTF8))));
                }
                if (c.length != CSV_COLUMNS.size()) {
                    String message = "expected " + CSV_COLUMNS.size() + " cells, found " + c.length;
                    return new Input(
                            line,
                            null,
                            new InvalidInputException(
                                    "INVALID_CSV", message, List.of(new Problem(line, null, message))));
                }
                try {
                    LocalDate asOf = c[6].isEmpty() ? null : LocalDate.parse(c[6]);
                    List<String> skills = c[7].isEmpty()
                            ? List.of()
                            : Arrays.stream(c[7].split(";"))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList();
                    return new Input(
                            line,
                            new PricingRequest(
                                    c[0], blank(c[1]), c[2], c[3], blank(c[4]), blank(c[5]), asOf, skills, null),
                            null);
                } catch (java.time.format.DateTimeParseException e) {
                    return new Input(
                            line,
                            null,
                            new InvalidInputException(
                                    "INVALID_REQUEST",
                                    "as_of '" + c[6] + "' is not a date (YYYY-MM-DD)",
                                    List.of(new FieldError("as_of", "is not a date"))));
                }
            }

            /** The parser cannot go on (a quote never closed swallows the rest): this row's error ends the batch. */
            private Input broken(long line, JsonProcessingException e) {
                String message = csvProblem(e) + "; nothing from line " + line + " on was read";
                return new Input(
                        line,
                        null,
                        new InvalidInputException(
                                "INVALID_CSV",
                                "line " + line + ": " + message,
                                List.of(new Problem(line, null, message))));
            }
        };
    }

    /** The CSV parser's reason, without its source and reference-chain decorations. */
    private static String csvProblem(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null
                ? e.getClass().getSimpleName()
                : e.getOriginalMessage().split("\n")[0];
        return reason.startsWith("Missing closing quote")
                ? "a quoted value opened here is never closed"
                : "malformed CSV: " + reason;
    }

    private Iterator<Input> jsonArray(InputStream in) throws IOException {
        JsonParser parser;
        try {
            parser = json.getFactory().createParser(in);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(
                        "INVALID_REQUEST",
                        "the body is empty; send a JSON array of pricing " + "requests",
                        List.of(new FieldError("body", "must be a JSON array of pricing requests")));
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidInputException(
                        "INVALID_FIELD",
                        "the body must be a JSON array of pricing requests",
                        List.of(new FieldError(
                                "body",
                                "must be a JSON array of pricing requests, not "
                                        + (first == JsonToken.START_OBJECT ? "an object" : "a single value"))));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(
                    "MALFORMED_JSON", "the request body is not valid JSON", List.of(JsonExceptionMapper.detail(e)));
        } catch (CharConversionException e) {
            throw new InvalidInputException(
                    "NOT_UTF8",
                    "the request body is not UTF-8",
                    List.of(new FieldError("body", "holds bytes that are not UTF-8")));
        }
        // the parser stands on the array's '['; cleared, the iterator reads the elements one by one
        parser.clearCurrentToken();
        MappingIterator<PricingRequest> requests =
                json.readerFor(PricingRequest.class).readValues(parser);
        return new Iterator<>() {
            private long index;
            private Input unreadable;
            private boolean broken;

            @Override
            public boolean hasNext() {
                if (broken) {
                    return false;
                }
                if (unreadable != null) {
                    return true;
                }
                try {
                    return requests.hasNextValue();
                } catch (JsonProcessingException | CharConversionException e) {
                    unreadable = broken(index + 1, e);
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Input next() {
                if (unreadable != null) {
                    broken = true;
                    index++;
                    return unreadable;
                }
                index++;
                try {
                    PricingRequest request = requests.nextValue();
                    if (request == null) {
                        return new Input(index, null, notARequest(index, "null"));
                    }
                    return new Input(index, request, null);
                } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                    if (e.getCause() instanceof IOException unreadableBytes) {
                        broken = true;
                        return broken(index, unreadableBytes);
                    }
                    if (e.getPath().isEmpty()) {
                        return new Input(
                                index,
                                null,
                                notARequest(
                                        index,
                                        e.getOriginalMessage().contains("Null value")
                                                ? "null"
                                                : "a JSON value of another type"));
                    }
                    FieldError detail = JsonExceptionMapper.detail(e);
                    return new Input(
                            index,
                            null,
                            new InvalidInputException(
                                    "INVALID_FIELD",
                                    "request " + index + ": field '" + detail.field() + "' " + detail.message(),
                                    List.of(detail)));
                } catch (JsonProcessingException | CharConversionException e) {
                    broken = true;
                    return broken(index, e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private static DomainException notARequest(long index, String what) {
                return new InvalidInputException(
                        "INVALID_REQUEST",
                        "request " + index + " is " + what + ", not a pricing request",
                        List.of(new FieldError("request", "must be a JSON object")));
            }

            /** Broken JSON (or bytes that are not UTF-8): the parser cannot find the next element. */
            private Input broken(long at, IOException e) {
                if (e instanceof CharConversionException) {
                    String message = "holds bytes that are not UTF-8; nothing from here on was read";
                    return new Input(
                            at,
                            null,
                            new InvalidInputException(
                                    "NOT_UTF8",
                                    "request " + at + " " + message,
                                    List.of(new FieldError("request", message))));
                }
                String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                String message =
                        "is not valid JSON (" + (reason == null ? e.getClass().getSimpleName() : reason.split("\n")[0])
                                + "); nothing from here on was read";
                return new Input(
                        at,
                        null,
                        new InvalidInputException(
                                "MALFORMED_JSON",
                                "request " + at + " " + message,
                                List.of(new FieldError("request", message))));
            }
        };
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
