package org.jobpricing.server.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Signs and verifies access tokens (HS256). Tokens carry a {@code kid}; the first key signs, every
 * configured key verifies, so keys can be rotated without logging everyone out.
 */
public final class JwtService {

    private final String signingKid;
    private final Map<String, SecretKey> keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    /** @param keys kid → secret (at least 32 bytes each), the first one signs */
    public JwtService(Map<String, byte[]> keys, String issuer, String audience, Duration ttl, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        Map<String, SecretKey> built = new LinkedHashMap<>();
        keys.forEach((kid, secret) -> {
            if (secret.length < 32) {
                throw new IllegalArgumentException("JWT key '" + kid + "' must be at least 32 bytes");
            }
            built.put(kid, Keys.hmacShaKeyFor(secret));
        });
        this.keys = Map.copyOf(built);
        this.signingKid = keys.keySet().iterator().next();
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A signed access token for the user. */
    public String issue(String userId, Role role) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header()
                .keyId(signingKid)
                .and()
                .subject(userId)
                .claim("role", role.name())
                .issuer(issuer)
                .audience()
                .add(audience)
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .id(UUID.randomUUID().toString())
                .signWith(keys.get(signingKid), Jwts.SIG.HS256)
                .compact();
    }

    /**
     * The claims of a valid token. Throws {@link JwtException} for anything else: unsigned ({@code alg none}),
     * bad signature, unknown key, wrong issuer or audience, expired.
     */
    public Claims verify(String token) {
        return Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(JwsHeader header) {
                        SecretKey key = header.getKeyId() == null ? null : keys.get(header.getKeyId());
                        if (key == null) {
                            throw new MalformedJwtException("unknown key id");
                        }
                        return key;
                    }
                })
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clock(() -> Date.from(clock.instant()))
                .build()
                .parseSignedClaims(token)
                .getPayload();
    }
}
