package org.jobpricing.plugins.llmenricher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jobpricing.plugin.api.JobBrief;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.WriterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a local fake OpenAI-compatible server: success, 401, timeout, malformed JSON, no configuration. */
class OpenAiJobWriterTest {

    static final JobBrief BRIEF = new JobBrief("Data Analyst", "IC2", List.of("SQL", "Python"), "Acme");

    final FakeOpenAi fake = new FakeOpenAi();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void writesADescriptionFromTheModelsAnswer() throws Exception {
        fake.body = FakeOpenAi.completion("Analyse data with SQL and Python.");

        String text = new OpenAiJobWriter().describe(fake.context(), BRIEF);

        assertThat(text).isEqualTo("Analyse data with SQL and Python.");
        assertThat(fake.requests)
                .singleElement()
                .satisfies(r -> assertThat(r).contains("test-model", "Data Analyst", "SQL, Python", "Acme"));
        assertThat(fake.authorizations).containsExactly("Bearer sk-test-secret");
    }

    @Test
    void aRefusedKeyIsUnauthorized() {
        fake.status = 401;
        fake.body = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}";

        assertThatThrownBy(() -> new OpenAiJobWriter().describe(fake.context(), BRIEF))
                .isInstanceOfSatisfying(WriterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WriterException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).doesNotContain("sk-test-secret");
                });
    }

    @Test
    void aSlowProviderTimesOut() {
        fake.body = FakeOpenAi.completion("late");
        fake.delayMillis = 4_000;

        assertThatThrownBy(() -> new OpenAiJobWriter().describe(fake.context("timeoutSeconds", "1"), BRIEF))
                .isInstanceOfSatisfying(
                        WriterException.class, e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.TIMEOUT));
    }

    @Test
    void malformedJsonIsABadResponse() {
        fake.body = "{\"choices\": [ this is not json";

        assertThatThrownBy(() -> new OpenAiJobWriter().describe(fake.context(), BRIEF))
                .isInstanceOfSatisfying(
                        WriterException.class, e -> assertThat(e.kind()).isEqualTo(WriterException.Kind.BAD_RESPONSE));
    }

    @Test
    void withoutConfigurationItSaysWhatToSet() {
        assertThatThrownBy(() -> new OpenAiJobWriter()
                        .describe(PluginContext.of("llm-enricher", Map.of(), Clock.systemUTC()), BRIEF))
                .isInstanceOfSatisfying(WriterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WriterException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("baseUrl");
                });
        assertThat(fake.requests).isEmpty();
    }
}
