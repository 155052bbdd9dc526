package org.jobpricing.server.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;

/**
 * Password rules (OWASP ASVS 2.1): at least 12 characters and at most the 72 bytes bcrypt reads, not
 * the account's own names, not a common password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private final Set<String> common;

    public PasswordPolicy() {
        this.common = loadCommonPasswords();
    }

    /** The first rule {@code password} breaks, if any. */
    public Optional<String> violation(String password, String username, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (!PasswordHasher.fits(password)) {
            return Optional.of(PasswordHasher.tooLong());
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))
                || email != null
                        && (lower.contains(email.toLowerCase(Locale.ROOT))
                                || lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0]))) {
            return Optional.of("must not contain the username or e-mail address");
        }
        if (common.contains(lower)) {
            return Optional.of("is a commonly used password");
        }
        return Optional.empty();
    }

    /** Throws a 400 WEAK_PASSWORD naming the rule broken. */
    public void check(String field, String password, String username, String email) {
        violation(password, username, email).ifPresent(rule -> {
            throw new InvalidInputException("WEAK_PASSWORD", field + " " + rule, List.of(new FieldError(field, rule)));
        });
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the server jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
