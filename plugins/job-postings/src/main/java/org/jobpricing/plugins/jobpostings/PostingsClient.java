package org.jobpricing.plugins.jobpostings;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jobpricing.plugin.api.PluginHttp;

/**
 * Reads postings from the API with the host's retrying HTTP client, page after page until
 * {@code nextPage} is null. The API key travels in the {@value #API_KEY_HEADER} header only, never in
 * the URL, so no error message can carry it.
 */
final class PostingsClient {

    static final String API_KEY_HEADER = "X-API-Key";
    /** A guard against an API that never stops paging. */
    static final int MAX_PAGES = 10_000;

    private final PluginHttp http;
    private final String baseUrl;
    private final Optional<String> apiKey;

    PostingsClient(PluginHttp http, URI baseUrl, Optional<String> apiKey) {
        this.http = http;
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = apiKey;
    }

    /** Every posting dated {@code from}..{@code to} (inclusive), all pages, in the order served. */
    List<Posting> postings(LocalDate from, LocalDate to) throws IOException, InterruptedException {
        List<Posting> postings = new ArrayList<>();
        Set<Integer> read = new HashSet<>();
        Integer page = 1;
        while (page != null) {
            if (!read.add(page)) {
                throw new IOException("the postings API sent nextPage " + page + ", a page already read");
            }
            if (read.size() > MAX_PAGES) {
                throw new IOException("the postings API sent more than " + MAX_PAGES + " pages");
            }
            PostingsPage answer = page(from, to, page);
            postings.addAll(answer.postings());
            page = answer.nextPage();
        }
        return postings;
    }

    /** One page; throws {@link PluginHttp.StatusException} when retries did not get a 2xx answer. */
    PostingsPage page(LocalDate from, LocalDate to, int page) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/postings?from=" + from + "&to=" + to + "&page=" + page);
        Map<String, String> headers = apiKey.isPresent()
                ? Map.of("Accept", "application/json", API_KEY_HEADER, apiKey.get())
                : Map.of("Accept", "application/json");
        String body = http.get(uri, headers);
        return PostingsPage.parse(body, "page " + page + " of " + from + ".." + to);
    }
}
