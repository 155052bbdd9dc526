package org.jobpricing.plugin.api;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of a plugin's configuration schema: its key under {@code plugins.config.<plugin id>},
 * its type, whether it is required, a description for people, and whether it is a secret (shown as
 * set/unset, never echoed).
 */
public record ConfigField(String key, Type type, boolean required, String description, boolean secret) {

    /** The kinds of value a setting can hold. */
    public enum Type {
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        DATE,
        URL,
        DIRECTORY,
        FILE
    }

    public ConfigField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public static ConfigField required(String key, Type type, String description) {
        return new ConfigField(key, type, true, description, false);
    }

    public static ConfigField optional(String key, Type type, String description) {
        return new ConfigField(key, type, false, description, false);
    }

    public static ConfigField secret(String key, boolean required, String description) {
        return new ConfigField(key, Type.STRING, required, description, true);
    }

    /** Every problem of a configuration against a schema; the column of each problem is the key. */
    public static List<Problem> validate(List<ConfigField> schema, Map<String, String> config) {
        List<Problem> problems = new ArrayList<>();
        for (ConfigField field : schema) {
            String value = config.get(field.key());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    problems.add(new Problem(0, field.key(), "is required: " + field.description()));
                }
            } else {
                String problem = field.problemWith(value.trim());
                if (problem != null) {
                    problems.add(new Problem(0, field.key(), problem));
                }
            }
        }
        return problems;
    }

    /** The required keys a configuration leaves unset: a source with any is "not configured", not broken. */
    public static List<String> missing(List<ConfigField> schema, Map<String, String> config) {
        return schema.stream()
                .filter(ConfigField::required)
                .filter(f -> config.get(f.key()) == null || config.get(f.key()).isBlank())
                .map(ConfigField::key)
                .toList();
    }

    /** Why a value does not fit this field, or null when it does. Secrets are never quoted. */
    String problemWith(String value) {
        String shown = secret ? "the value" : "'" + value + "'";
        try {
            switch (type) {
                case INTEGER -> Long.parseLong(value);
                case DECIMAL -> {
                    if (!Double.isFinite(Double.parseDouble(value))) {
                        return "must be a finite number, got " + shown;
                    }
                }
                case BOOLEAN -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        return "must be true or false, got " + shown;
                    }
                }
                case DATE -> LocalDate.parse(value);
                case URL -> {
                    URI uri = URI.create(value);
                    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                        return "must be an http(s) URL, got " + shown;
                    }
                }
                case DIRECTORY -> {
                    if (!Files.isDirectory(Path.of(value))) {
                        return "must be an existing directory, got " + shown;
                    }
                }
                case FILE -> {
                    if (!Files.isRegularFile(Path.of(value))) {
                        return "must be an existing file, got " + shown;
                    }
                }
                case STRING -> {
                    // any text
                }
            }
        } catch (NumberFormatException e) {
            return "must be " + (type == Type.INTEGER ? "a whole number" : "a number") + ", got " + shown;
        } catch (DateTimeParseException e) {
            return "must be a date YYYY-MM-DD, got " + shown;
        } catch (IllegalArgumentException e) {
            return "is not a valid " + type.name().toLowerCase() + ": " + shown;
        }
        return null;
    }
}
