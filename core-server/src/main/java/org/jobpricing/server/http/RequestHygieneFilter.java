package org.jobpricing.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request: an {@code X-Request-Id} (the client's when well-formed, else a new one) on the
 * response and in the log context; security headers; and a body size limit answered with a JSON 413.
 */
public final class RequestHygieneFilter implements Filter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The request attribute holding the client's address (the anonymous rate limit's key). */
    public static final String CLIENT_ADDRESS = RequestHygieneFilter.class.getName() + ".clientAddress";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern TOKEN_IN_URL = Pattern.compile("(?i)(^|&)access_token=");

    /** Batch pricing takes up to 100,000 requests in one body. */
    static final String BATCH_PATH = "/api/v1/pricing/batch";

    private final long maxBodyBytes;
    private final long maxBatchBodyBytes;

    public RequestHygieneFilter(long maxBodyBytes, long maxBatchBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBodyBytes = maxBatchBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String given = request.getHeader(REQUEST_ID);
        String id = given != null && SAFE_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        response.setHeader(REQUEST_ID, id);
        SecurityHeaders.apply(request, response);
        if (TOKEN_IN_URL
                .matcher(request.getQueryString() == null ? "" : request.getQueryString())
                .find()) {
            // Jersey's OAuth filter would accept ?access_token=; a URL ends up in logs, histories and referrers
            response.setStatus(401);
            response.setContentType("application/json");
            response.getOutputStream()
                    .write(("{\"code\":401,\"error\":\"TOKEN_IN_URL\",\"message\":\"tokens are not "
                                    + "accepted in the URL; send Authorization: Bearer <token>\",\"details\":[{\"field\":\"access_token\","
                                    + "\"message\":\"not allowed in the query string\"}]}")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        long limit = BATCH_PATH.equals(request.getRequestURI()) ? maxBatchBodyBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        MDC.put(MDC_KEY, id);
        request.setAttribute(CLIENT_ADDRESS, request.getRemoteAddr());
        try {
            chain.doFilter(new LimitedBodyRequest(request, limit), response);
        } catch (LimitedBodyRequest.TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                response.setHeader(REQUEST_ID, id);
                tooLarge(response, limit);
            }
        } finally {
            MDC.clear();
        }
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        response.getOutputStream()
                .write(("{\"code\":413,\"error\":\"PAYLOAD_TOO_LARGE\",\"message\":\"the request body is "
                                + "larger than " + limit
                                + " bytes\",\"details\":[{\"field\":\"body\",\"message\":\"must be at most " + limit
                                + " bytes\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
