package org.jobpricing.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFieldTest {

    static final List<ConfigField> SCHEMA = List.of(
            ConfigField.required("baseUrl", ConfigField.Type.URL, "the API's address"),
            ConfigField.optional("pageSize", ConfigField.Type.INTEGER, "rows per page"),
            ConfigField.optional("since", ConfigField.Type.DATE, "first day"),
            ConfigField.optional("dir", ConfigField.Type.DIRECTORY, "folder"),
            ConfigField.secret("apiKey", false, "key"));

    @Test
    void everyProblemNamesItsKeyAndSecretsAreNeverQuoted(@TempDir Path dir) {
        List<Problem> problems = ConfigField.validate(
                SCHEMA,
                Map.of(
                        "pageSize",
                        "ten",
                        "since",
                        "2026-13-01",
                        "dir",
                        dir.resolve("absent").toString(),
                        "apiKey",
                        "sk-live-123"));

        assertThat(problems).extracting(Problem::column).containsExactly("baseUrl", "pageSize", "since", "dir");
        assertThat(problems.get(0).message()).isEqualTo("is required: the API's address");
        assertThat(problems.get(1).message()).isEqualTo("must be a whole number, got 'ten'");
        assertThat(problems.get(2).message()).isEqualTo("must be a date YYYY-MM-DD, got '2026-13-01'");
        assertThat(ConfigField.validate(SCHEMA, Map.of("baseUrl", "ftp://x", "apiKey", "sk-live-123")))
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("must be an http(s) URL, got 'ftp://x'");
        assertThat(ConfigField.missing(SCHEMA, Map.of("baseUrl", " "))).containsExactly("baseUrl");
    }

    @Test
    void aValidConfigurationHasNoProblems(@TempDir Path dir) {
        assertThat(ConfigField.validate(
                        SCHEMA,
                        Map.of(
                                "baseUrl",
                                "https://api.example.com/v2",
                                "pageSize",
                                "50",
                                "since",
                                "2026-01-31",
                                "dir",
                                dir.toString())))
                .isEmpty();
    }
}
