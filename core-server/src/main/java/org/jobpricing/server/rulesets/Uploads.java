package org.jobpricing.server.rulesets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.errors.FieldError;
import org.jobpricing.server.rules.RuleSource;

/** Rule files sent by clients: a JSON map of name → content, or a zip of the rules folder. */
public final class Uploads {

    static final int MAX_FILES = 200;
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private Uploads() {
    }

    public static List<RuleSource> fromMap(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw ApiException.badRequest("INVALID_REQUEST", "files is required: a map of file name to content",
                    List.of(new FieldError("files", "is required")));
        }
        if (files.size() > MAX_FILES) {
            throw ApiException.badRequest("INVALID_REQUEST", "at most " + MAX_FILES + " files", List.of());
        }
        List<RuleSource> sources = new ArrayList<>();
        files.forEach((name, content) -> {
            try {
                sources.add(RuleSource.fromStored(clean(name), content == null ? "" : content));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_REQUEST", e.getMessage(), List.of(new FieldError("files", e.getMessage())));
            }
        });
        sources.sort(java.util.Comparator.comparing(RuleSource::name));
        return sources;
    }

    /** The files of a zip; a single top folder (e.g. rules/) is stripped. */
    public static List<RuleSource> fromZip(byte[] zip) {
        List<RuleSource> sources = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE));
                total += content.length;
                if (total > MAX_BYTES || sources.size() >= MAX_FILES) {
                    throw ApiException.badRequest("INVALID_REQUEST", "the zip is larger than " + MAX_BYTES
                            + " bytes or " + MAX_FILES + " files", List.of());
                }
                sources.add(new RuleSource(entry.getName(), content));
            }
        } catch (IOException e) {
            throw ApiException.badRequest("INVALID_ZIP", "the body is not a readable zip: " + e.getMessage(), List.of());
        }
        if (sources.isEmpty()) {
            throw ApiException.badRequest("INVALID_ZIP", "the zip holds no files", List.of());
        }
        String prefix = commonFolder(sources);
        List<RuleSource> stripped = new ArrayList<>();
        for (RuleSource s : sources) {
            stripped.add(new RuleSource(clean(s.name().substring(prefix.length())), s.content()));
        }
        stripped.sort(java.util.Comparator.comparing(RuleSource::name));
        return stripped;
    }

    private static String commonFolder(List<RuleSource> sources) {
        String first = sources.get(0).name();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String prefix = first.substring(0, slash + 1);
        boolean shared = sources.stream().allMatch(s -> s.name().startsWith(prefix));
        boolean isTests = prefix.equals("tests/");
        return shared && !isTests ? prefix : "";
    }

    private static String clean(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.contains("../") || n.isBlank()) {
            throw ApiException.badRequest("INVALID_REQUEST", "bad file name '" + name + "'", List.of());
        }
        return n;
    }
}
