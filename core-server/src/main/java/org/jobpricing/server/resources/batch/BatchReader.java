package org.jobpricing.server.resources.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.core.batch.BatchInput;
import org.jobpricing.server.errors.JsonExceptionMapper;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;

/**
 * Reads a batch body as CSV (header checked before anything is written) or as a JSON array, one request per
 * row, streaming: a row that cannot be read becomes an input carrying its error, and reading goes on.
 */
public final class BatchReader {

    private static final String NOT_UTF8 = "holds bytes that are not UTF-8; save the file as UTF-8";

    /** Input CSV columns; skills are separated by ';'. */
    public static final List<String> CSV_COLUMNS =
            List.of("title", "occupation_code", "level", "country", "area", "currency", "as_of", "skills");

    private final ObjectMapper json;

    public BatchReader(ObjectMapper json) {
        this.json = json;
    }

    /** The rows of {@code in}: CSV when {@code csv}, else a JSON array of requests. */
    public Iterator<BatchInput> open(InputStream in, boolean csv) throws IOException {
        return csv ? csv(in) : jsonArray(in);
    }

    public Iterator<BatchInput> csv(InputStream in) throws IOException {
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

            private BatchInput unreadable;
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
            public BatchInput next() {
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
                    return new BatchInput(
                            line,
                            null,
                            new InvalidInputException(
                                    "NOT_UTF8",
                                    "line " + line + " holds bytes that are not UTF-8; save the file as UTF-8",
                                    List.of(new Problem(line, null, NOT_UTF8))));
                }
                if (c.length != CSV_COLUMNS.size()) {
                    String message = "expected " + CSV_COLUMNS.size() + " cells, found " + c.length;
                    return new BatchInput(
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
                    return new BatchInput(
                            line,
                            new PricingRequest(
                                    c[0], blank(c[1]), c[2], c[3], blank(c[4]), blank(c[5]), asOf, skills, null),
                            null);
                } catch (java.time.format.DateTimeParseException e) {
                    return new BatchInput(
                            line,
                            null,
                            new InvalidInputException(
                                    "INVALID_REQUEST",
                                    "as_of '" + c[6] + "' is not a date (YYYY-MM-DD)",
                                    List.of(new FieldError("as_of", "is not a date"))));
                }
            }

            /** The parser cannot go on (a quote never closed swallows the rest): this row's error ends the batch. */
            private BatchInput broken(long line, JsonProcessingException e) {
                String message = csvProblem(e) + "; nothing from line " + line + " on was read";
                return new BatchInput(
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

    public Iterator<BatchInput> jsonArray(InputStream in) throws IOException {
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
            private BatchInput unreadable;
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
            public BatchInput next() {
                if (unreadable != null) {
                    broken = true;
                    index++;
                    return unreadable;
                }
                index++;
                try {
                    PricingRequest request = requests.nextValue();
                    if (request == null) {
                        return new BatchInput(index, null, notARequest(index, "null"));
                    }
                    return new BatchInput(index, request, null);
                } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                    if (e.getCause() instanceof IOException unreadableBytes) {
                        broken = true;
                        return broken(index, unreadableBytes);
                    }
                    if (e.getPath().isEmpty()) {
                        return new BatchInput(
                                index,
                                null,
                                notARequest(
                                        index,
                                        e.getOriginalMessage().contains("Null value")
                                                ? "null"
                                                : "a JSON value of another type"));
                    }
                    FieldError detail = JsonExceptionMapper.detail(e);
                    return new BatchInput(
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
            private BatchInput broken(long at, IOException e) {
                if (e instanceof CharConversionException) {
                    String message = "holds bytes that are not UTF-8; nothing from here on was read";
                    return new BatchInput(
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
                return new BatchInput(
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
