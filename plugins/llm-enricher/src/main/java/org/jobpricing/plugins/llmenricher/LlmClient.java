package org.jobpricing.plugins.llmenricher;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.WriterException;

/**
 * The chat model of the plugin configuration ({@code baseUrl}, {@code model}, {@code apiKey},
 * {@code timeoutSeconds}, {@code maxRetries}) and one call to it, with every provider failure turned
 * into a {@link WriterException}. Request and response logging stay off so the key is never logged.
 */
final class LlmClient {

    private LlmClient() {}

    /** The model's answer to {@code prompt}, stripped; never blank. */
    static String chat(PluginContext context, String prompt) throws WriterException {
        ChatModel model = model(context);
        String text;
        try {
            text = model.chat(prompt);
        } catch (AuthenticationException e) {
            throw new WriterException(
                    WriterException.Kind.UNAUTHORIZED, "the LLM provider refused the API key (HTTP 401/403)", null);
        } catch (TimeoutException e) {
            throw timeout(context);
        } catch (RuntimeException e) {
            if (causedBy(e, HttpTimeoutException.class) || causedBy(e, SocketTimeoutException.class)) {
                throw timeout(context);
            }
            if (causedBy(e, JsonProcessingException.class)) {
                throw new WriterException(
                        WriterException.Kind.BAD_RESPONSE, "the LLM provider answered with malformed JSON", null);
            }
            throw new WriterException(
                    WriterException.Kind.UNAVAILABLE,
                    "the LLM provider failed: " + e.getClass().getSimpleName(),
                    null);
        }
        if (text == null || text.isBlank()) {
            throw new WriterException(
                    WriterException.Kind.BAD_RESPONSE, "the LLM provider answered with no text", null);
        }
        return text.strip();
    }

    private static ChatModel model(PluginContext context) throws WriterException {
        Optional<String> baseUrl = context.get("baseUrl");
        Optional<String> model = context.get("model");
        if (baseUrl.isEmpty() || model.isEmpty()) {
            throw new WriterException(
                    WriterException.Kind.NOT_CONFIGURED,
                    "set plugins.config.llm-enricher.baseUrl and .model (LLM_BASE_URL, LLM_MODEL)",
                    null);
        }
        return OpenAiChatModel.builder()
                .baseUrl(baseUrl.get())
                .modelName(model.get())
                .apiKey(context.get("apiKey").orElse("not-needed"))
                .timeout(Duration.ofSeconds(number(context, "timeoutSeconds", 30)))
                .maxRetries(number(context, "maxRetries", 2))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static WriterException timeout(PluginContext context) {
        return new WriterException(
                WriterException.Kind.TIMEOUT,
                "the LLM provider did not answer within " + number(context, "timeoutSeconds", 30) + " s",
                null);
    }

    private static int number(PluginContext context, String key, int fallback) {
        try {
            return context.get(key).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
