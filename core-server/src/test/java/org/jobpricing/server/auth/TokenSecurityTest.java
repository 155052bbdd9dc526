package org.jobpricing.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Forged, tampered, expired and misaddressed access tokens are refused; refresh tokens rotate. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TokenSecurityTest {

    static final String OLD_SECRET = "an-older-signing-secret-still-accepted-for-now";
    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(
            TestDatabases.h2(), "plugins.refreshOnStartup", "false", "auth.previousKeys.retired", OLD_SECRET);

    static SecretKey key(String secret) {
        return Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
    }

    static String adminId() {
        return TestUsers.admin(APP).get("/api/v1/auth/me").json().get("id").asText();
    }

    static String token(String kid, SecretKey key, String issuer, String audience, Instant expires) {
        return Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .subject(adminId())
                .claim("role", "ADMIN")
                .issuer(issuer)
                .audience()
                .add(audience)
                .and()
                .issuedAt(new Date())
                .expiration(Date.from(expires))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    static void assertRefused(String token) {
        Api.Reply reply = new Api(APP.getLocalPort()).withToken(token).get("/api/v1/auth/me");
        assertThat(reply.status()).as(token).isEqualTo(401);
        assertThat(reply.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(reply.json().get("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProperlySignedTokenIsAccepted() {
        String good = token(
                "primary",
                key(TestApps.JWT_SECRET),
                "job-pricing",
                "job-pricing-api",
                Instant.now().plusSeconds(60));
        assertThat(new Api(APP.getLocalPort())
                        .withToken(good)
                        .get("/api/v1/auth/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aTokenSignedWithARetiredKeyIsStillAcceptedByItsKid() {
        String old = token(
                "retired",
                key(OLD_SECRET),
                "job-pricing",
                "job-pricing-api",
                Instant.now().plusSeconds(60));
        assertThat(new Api(APP.getLocalPort())
                        .withToken(old)
                        .get("/api/v1/auth/me")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unsignedTokensAreRefused() {
        String payload = b64("{\"sub\":\"" + adminId() + "\",\"role\":\"ADMIN\",\"iss\":\"job-pricing\","
                + "\"aud\":\"job-pricing-api\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        assertRefused(b64("{\"alg\":\"none\",\"kid\":\"primary\"}") + "." + payload + ".");
        assertRefused(b64("{\"alg\":\"none\"}") + "." + payload + ".");
    }

    @Test
    void tamperedWronglySignedExpiredAndMisaddressedTokensAreRefused() {
        String good = token(
                "primary",
                key(TestApps.JWT_SECRET),
                "job-pricing",
                "job-pricing-api",
                Instant.now().plusSeconds(600));
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertRefused(parts[0] + "." + b64(payload.replace("ADMIN", "VIEWER")) + "." + parts[2]);
        assertRefused(token(
                "primary",
                key("a-completely-different-secret-of-40-bytes"),
                "job-pricing",
                "job-pricing-api",
                Instant.now().plusSeconds(600)));
        assertRefused(token(
                "unknown",
                key(TestApps.JWT_SECRET),
                "job-pricing",
                "job-pricing-api",
                Instant.now().plusSeconds(600)));
        assertRefused(token(
                "primary",
                key(TestApps.JWT_SECRET),
                "job-pricing",
                "job-pricing-api",
                Instant.now().minusSeconds(5)));
        assertRefused(token(
                "primary",
                key(TestApps.JWT_SECRET),
                "job-pricing",
                "another-api",
                Instant.now().plusSeconds(600)));
        assertRefused(token(
                "primary",
                key(TestApps.JWT_SECRET),
                "someone-else",
                "job-pricing-api",
                Instant.now().plusSeconds(600)));
        assertRefused("not-a-jwt");
    }

    @Test
    void loginAnswersAnOAuthStyleTokenWithTheRequiredClaims() {
        Api.Reply reply = new Api(APP.getLocalPort())
                .post(
                        "/api/v1/auth/login",
                        "application/x-www-form-urlencoded",
                        "username=admin&password=" + TestApps.ADMIN_PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(body.get("refresh_token").asText()).hasSizeGreaterThan(40);
        var claims = Jwts.parser()
                .verifyWith(key(TestApps.JWT_SECRET))
                .build()
                .parseSignedClaims(body.get("access_token").asText());
        assertThat(claims.getHeader().getKeyId()).isEqualTo("primary");
        assertThat(claims.getPayload().getSubject()).isEqualTo(adminId());
        assertThat(claims.getPayload().get("role", String.class)).isEqualTo("ADMIN");
        assertThat(claims.getPayload().getIssuer()).isEqualTo("job-pricing");
        assertThat(claims.getPayload().getAudience()).containsExactly("job-pricing-api");
        assertThat(claims.getPayload().getId()).isNotBlank();
        assertThat(claims.getPayload().getExpiration().getTime()
                        - claims.getPayload().getIssuedAt().getTime())
                .isEqualTo(900_000);
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseRevokesTheWholeFamily() {
        Api anonymous = new Api(APP.getLocalPort());
        String first = anonymous
                .postJson(
                        "/api/v1/auth/login",
                        "{\"email\": \"admin@example.test\", \"password\": \"" + TestApps.ADMIN_PASSWORD + "\"}")
                .json()
                .get("refresh_token")
                .asText();

        Api.Reply rotated = anonymous.postJson("/api/v1/auth/refresh", "{\"refresh_token\": \"" + first + "\"}");
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);

        Api.Reply reuse = anonymous.postJson("/api/v1/auth/refresh", "{\"refresh_token\": \"" + first + "\"}");
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("error").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(anonymous
                        .postJson("/api/v1/auth/refresh", "{\"refresh_token\": \"" + second + "\"}")
                        .status())
                .as("the family is revoked")
                .isEqualTo(401);
        JsonNode events = TestUsers.admin(APP)
                .get("/api/v1/audit?action=auth.refresh.reuse")
                .json();
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).get("outcome").asText()).isEqualTo("FAILURE");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Api anonymous = new Api(APP.getLocalPort());
        String refresh = anonymous
                .postJson(
                        "/api/v1/auth/login",
                        "{\"username\": \"admin\", \"password\": \"" + TestApps.ADMIN_PASSWORD + "\"}")
                .json()
                .get("refresh_token")
                .asText();

        assertThat(anonymous
                        .postJson("/api/v1/auth/logout", "{\"refresh_token\": \"" + refresh + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(anonymous
                        .postJson("/api/v1/auth/refresh", "{\"refresh_token\": \"" + refresh + "\"}")
                        .status())
                .isEqualTo(401);
    }
}
