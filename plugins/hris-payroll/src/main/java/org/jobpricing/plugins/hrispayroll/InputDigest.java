package org.jobpricing.plugins.hrispayroll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The cursor of a run: {@code sha256:<hex>} of the export files' contents (in name order), the job-code
 * map's content and the settings that shape the rows (source id, configured effective date, minimum
 * group size). The same inputs give the same cursor, so an unchanged export is not emitted again, and a
 * new mapping or setting is.
 */
final class InputDigest {

    private final MessageDigest sha256;

    InputDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds one input, length-prefixed so that inputs cannot run into each other. */
    InputDigest add(String kind, byte[] content) {
        sha256.update((kind + ":" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(content);
        return this;
    }

    InputDigest add(String kind, String value) {
        return add(kind, value.getBytes(StandardCharsets.UTF_8));
    }

    InputDigest addAll(String kind, List<byte[]> contents) {
        contents.forEach(c -> add(kind, c));
        return this;
    }

    String cursor() {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
