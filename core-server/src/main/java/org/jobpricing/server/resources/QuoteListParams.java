package org.jobpricing.server.resources;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jobpricing.server.core.QuoteHistory;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.failures.FieldError;

/** Checks the query of GET /api/v1/pricing/quotes at once: every bad parameter is named in one 400. */
final class QuoteListParams {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private QuoteListParams() {}

    /** The checked query; throws a 400 INVALID_REQUEST listing each bad parameter. */
    static QuoteHistory.Query query(
            String occupationCode,
            String level,
            String country,
            String author,
            String rulesetVersion,
            String from,
            String to,
            String limit,
            String offset) {
        List<FieldError> problems = new ArrayList<>();
        String countryCode = text("country", country, 100, problems);
        if (countryCode != null && !COUNTRY.matcher(countryCode).matches()) {
            problems.add(new FieldError("country", "must be a two-letter ISO country code"));
        }
        QuoteHistory.Query query = new QuoteHistory.Query(
                text("occupationCode", occupationCode, 20, problems),
                upper(text("level", level, 20, problems)),
                upper(countryCode),
                text("author", author, 100, problems),
                text("rulesetVersion", rulesetVersion, 80, problems),
                date("from", from, problems),
                date("to", to, problems),
                number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, problems),
                number("offset", offset, 0, 0, Integer.MAX_VALUE, problems));
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            problems.add(new FieldError("from", "must not be after to"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("INVALID_REQUEST", problems.size() + " query parameter(s) invalid", problems);
        }
        return query;
    }

    private static String text(String field, String value, int maxLength, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > maxLength) {
            problems.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
        return value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static LocalDate date(String field, String value, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, "must be an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static int number(String field, String value, int fallback, int min, int max, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range accepted
        }
        problems.add(new FieldError(
                field,
                max == Integer.MAX_VALUE
                        ? "must be a whole number, " + min + " or more"
                        : "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
