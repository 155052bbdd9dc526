package org.jobpricing.server.resources;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The refresh token as a browser keeps it: an HttpOnly, SameSite=Strict cookie scoped to the auth
 * paths, so script on a page can never read it and no other site's request carries it. Secure when
 * the request came over HTTPS (a browser also accepts Secure cookies from http://localhost, but not
 * from other plain-HTTP hosts, where the cookie would then be dropped).
 */
final class RefreshCookie {

    static final String NAME = "jp_refresh";
    /** {@code ?session=cookie} on login asks for the cookie instead of the token in the body. */
    static final String SESSION_COOKIE = "cookie";

    private static final String PATH = "/api/v1/auth";

    private final Duration ttl;

    RefreshCookie(Duration ttl) {
        this.ttl = ttl;
    }

    NewCookie issue(String refreshToken, HttpServletRequest request) {
        return build(refreshToken, (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds()), request);
    }

    NewCookie clear(HttpServletRequest request) {
        return build("", 0, request);
    }

    private static NewCookie build(String value, int maxAge, HttpServletRequest request) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path(PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(request != null && request.isSecure())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
