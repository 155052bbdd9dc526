package org.jobpricing.server.core;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jobpricing.plugin.api.JobBrief;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.WriterException;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.plugins.PluginHost;

/** Job descriptions through the installed language-model plugin, with each failure as a clear status. */
public final class JobWriting {

    private final Supplier<List<PluginHost.Writer>> writers;
    private final Map<String, Map<String, String>> pluginConfig;
    private final Clock clock;

    public JobWriting(
            Supplier<List<PluginHost.Writer>> writers, Map<String, Map<String, String>> pluginConfig, Clock clock) {
        this.writers = writers;
        this.pluginConfig = pluginConfig;
        this.clock = clock;
    }

    public String describe(JobBrief brief) {
        PluginHost.Writer writer = writers.get().stream()
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        503,
                        "LLM_NOT_CONFIGURED",
                        "no language-model plugin is installed (plugins/llm-enricher)",
                        List.of()));
        try {
            return writer.writer()
                    .describe(
                            PluginContext.of(
                                    writer.pluginId(), pluginConfig.getOrDefault(writer.pluginId(), Map.of()), clock),
                            brief);
        } catch (WriterException e) {
            throw switch (e.kind()) {
                case NOT_CONFIGURED ->
                    new ApiException(
                            503,
                            "LLM_NOT_CONFIGURED",
                            "job descriptions need a " + "language model: " + e.getMessage(),
                            List.of());
                case UNAUTHORIZED ->
                    new ApiException(502, "LLM_UNAUTHORIZED", e.getMessage() + "; check LLM_API_KEY", List.of());
                case TIMEOUT -> new ApiException(504, "LLM_TIMEOUT", e.getMessage(), List.of());
                case BAD_RESPONSE -> new ApiException(502, "LLM_BAD_RESPONSE", e.getMessage(), List.of());
                case UNAVAILABLE -> new ApiException(503, "LLM_UNAVAILABLE", e.getMessage(), List.of());
            };
        }
    }
}
