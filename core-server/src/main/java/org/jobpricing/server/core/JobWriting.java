package org.jobpricing.server.core;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jobpricing.plugin.api.JobBrief;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.WriterException;
import org.jobpricing.server.failures.UpstreamFailureException;
import org.jobpricing.server.failures.UpstreamFailureException.Reason;
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
                .orElseThrow(() -> new UpstreamFailureException(
                        Reason.NOT_CONFIGURED,
                        "LLM_NOT_CONFIGURED",
                        "no language-model plugin is installed (plugins/llm-enricher)"));
        try {
            return writer.writer()
                    .describe(
                            PluginContext.of(
                                    writer.pluginId(), pluginConfig.getOrDefault(writer.pluginId(), Map.of()), clock),
                            brief);
        } catch (WriterException e) {
            throw switch (e.kind()) {
                case NOT_CONFIGURED ->
                    new UpstreamFailureException(
                            Reason.NOT_CONFIGURED,
                            "LLM_NOT_CONFIGURED",
                            "job descriptions need a " + "language model: " + e.getMessage());
                case UNAUTHORIZED ->
                    new UpstreamFailureException(
                            Reason.REFUSED, "LLM_UNAUTHORIZED", e.getMessage() + "; check LLM_API_KEY");
                case TIMEOUT -> new UpstreamFailureException(Reason.TIMEOUT, "LLM_TIMEOUT", e.getMessage());
                case BAD_RESPONSE ->
                    new UpstreamFailureException(Reason.BAD_RESPONSE, "LLM_BAD_RESPONSE", e.getMessage());
                case UNAVAILABLE -> new UpstreamFailureException(Reason.UNAVAILABLE, "LLM_UNAVAILABLE", e.getMessage());
            };
        }
    }
}
