package org.jobpricing.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes; verification of an unknown account still costs one bcrypt round. bcrypt
 * reads at most {@link #MAX_BYTES} bytes, so callers refuse longer passwords instead of letting two
 * passwords that share those bytes hash alike.
 */
public final class PasswordHasher {

    /** The most bytes (UTF-8) of a password bcrypt reads. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("timing-equaliser-" + System.nanoTime());
    }

    /** True when bcrypt reads every byte of {@code password}. */
    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The message of a password that is too long, the same wherever it is refused. */
    public static String tooLong() {
        return "must be at most " + MAX_BYTES + " bytes in UTF-8 (" + MAX_BYTES
                + " plain letters and digits; fewer with accented or non-Latin letters)";
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return BCrypt.verifyer()
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** Spends the time a real verification would, so failures for unknown accounts look the same. */
    public void verifyNothing(String password) {
        verify(password, dummyHash);
    }
}
