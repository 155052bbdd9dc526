package org.jobpricing.server.employees;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an employee id is stored: with {@code EMPLOYEE_ID_KEY} set, as its HMAC-SHA256 under that key
 * (the same id always gives the same key, so re-imports and erasure find it; without the key nobody
 * can tell the id from the hash); without it, as given.
 */
public final class EmployeeKeys {

    private final SecretKeySpec key;

    /** {@code secret} null or blank: ids are stored as given. */
    public EmployeeKeys(String secret) {
        this.key = secret == null || secret.isBlank()
                ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public boolean hashed() {
        return key != null;
    }

    /** The stored key of {@code employeeId}. */
    public String of(String employeeId) {
        if (key == null) {
            return employeeId;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(employeeId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
