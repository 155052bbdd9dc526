package org.jobpricing.plugins.jobpostings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One page of the postings API: its postings and the number of the next page, null on the last. */
record PostingsPage(List<Posting> postings, Integer nextPage) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SHAPE = "{\"postings\": [...], \"nextPage\": N or null}";

    /** Parses a page body; {@code where} names the page in error messages. */
    static PostingsPage parse(String body, String where) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException(
                    where + " is not JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("postings").isArray()) {
            throw new IOException(where + " is not a postings page; expected " + SHAPE);
        }
        JsonNode next = root.path("nextPage");
        if (!next.isMissingNode() && !next.isNull() && !next.canConvertToInt()) {
            throw new IOException(where + " has a nextPage that is not a page number");
        }
        List<Posting> postings = new ArrayList<>();
        for (JsonNode p : root.get("postings")) {
            postings.add(new Posting(
                    text(p, "id"),
                    text(p, "title"),
                    text(p, "company"),
                    amount(p, "salaryMin"),
                    amount(p, "salaryMax"),
                    text(p, "currency"),
                    text(p, "period"),
                    text(p, "postedDate"),
                    text(p, "location")));
        }
        return new PostingsPage(postings, next.isNumber() ? Integer.valueOf(next.intValue()) : null);
    }

    private static String text(JsonNode posting, String field) {
        JsonNode value = posting.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? value.asText().trim()
                : null;
    }

    private static Double amount(JsonNode posting, String field) {
        JsonNode value = posting.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isNumber() ? value.doubleValue() : Double.NaN;
    }
}
