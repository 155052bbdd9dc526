package org.jobpricing.server.rulesets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.rules.RuleSource;

/** Rule files sent by clients: a JSON map of name → content, or a zip of the rules folder. */
public final class Uploads {

    static final int MAX_FILES = org.jobpricing.server.api.RuleSetViews.MAX_FILES;
    static final int MAX_NAME = org.jobpricing.server.api.RuleSetViews.MAX_NAME;
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private Uploads() {}

    /** The files of a JSON upload; {@code orNone} allows no files (an upload that only deletes). */
    public static List<RuleSource> fromMap(Map<String, String> files, boolean orNone) {
        if (files == null || files.isEmpty()) {
            if (orNone) {
                return List.of();
            }
            throw new InvalidInputException(
                    "INVALID_REQUEST",
                    "files is required: a map of file name to content",
                    List.of(new FieldError("files", "is required")));
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidInputException(
                    "INVALID_REQUEST",
                    "at most " + MAX_FILES + " files",
                    List.of(new FieldError("files", "has " + files.size() + " files, at most " + MAX_FILES)));
        }
        List<RuleSource> sources = new ArrayList<>();
        files.forEach((name, content) -> {
            try {
                sources.add(RuleSource.fromStored(clean(name), content == null ? "" : content));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "INVALID_REQUEST",
                        e.getMessage(),
                        List.of(new FieldError("files." + shorten(name), e.getMessage())));
            }
        });
        sources.sort(java.util.Comparator.comparing(RuleSource::name));
        return sources;
    }

    /** The files of a zip; a single top folder (e.g. rules/) is stripped. */
    public static List<RuleSource> fromZip(byte[] zip) {
        List<RuleSource> sources = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
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
                    throw new InvalidInputException(
                            "INVALID_REQUEST",
                            "the zip is larger than " + MAX_BYTES + " bytes or " + MAX_FILES + " files",
                            List.of(new FieldError(
                                    "body", "at most " + MAX_FILES + " files and " + MAX_BYTES + " bytes")));
                }
                if (!names.add(entry.getName())) {
                    throw new InvalidInputException(
                            "INVALID_ZIP",
                            "the zip holds '" + shorten(entry.getName()) + "' twice",
                            List.of(new FieldError("files." + shorten(entry.getName()), "appears twice")));
                }
                sources.add(new RuleSource(entry.getName(), content));
            }
        } catch (IOException e) {
            throw new InvalidInputException(
                    "INVALID_ZIP",
                    "the body is not a readable zip: " + e.getMessage(),
                    List.of(new FieldError("body", "not a readable zip")));
        } catch (IllegalArgumentException e) {
            // entry names that are not valid in the zip's character set
            throw new InvalidInputException(
                    "INVALID_ZIP",
                    "the zip has an unreadable entry name: " + e.getMessage(),
                    List.of(new FieldError("body", "an entry name is not readable")));
        }
        if (sources.isEmpty()) {
            throw new InvalidInputException(
                    "INVALID_ZIP", "the zip holds no files", List.of(new FieldError("body", "holds no files")));
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

    /** A file name checked once at the edge: relative, no parent steps or control characters, a stored length. */
    public static String clean(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        String problem = null;
        if (n.isBlank()) {
            problem = "is empty";
        } else if (n.length() > MAX_NAME) {
            problem = "is " + n.length() + " characters long, at most " + MAX_NAME;
        } else if (n.startsWith("/") || n.contains("../") || n.equals("..")) {
            problem = "must be a relative path without ..";
        } else if (n.chars().anyMatch(Character::isISOControl)) {
            problem = "holds a control character";
        }
        if (problem != null) {
            throw new InvalidInputException(
                    "INVALID_REQUEST",
                    "file name '" + shorten(n) + "' " + problem,
                    List.of(new FieldError("files." + shorten(n), "file name " + problem)));
        }
        return n;
    }

    private static String shorten(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 57) + "..." : printable;
    }
}
