package org.jobpricing.plugins.llmenricher;

import org.jobpricing.plugin.api.JobBrief;
import org.jobpricing.plugin.api.JobWriter;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.WriterException;
import org.pf4j.Extension;

/**
 * Job descriptions from any OpenAI-compatible chat API through langchain4j. Configuration
 * ({@code plugins.config.llm-enricher}): {@code baseUrl}, {@code model}, {@code apiKey} (may be empty
 * for local servers such as Ollama), {@code timeoutSeconds} (30), {@code maxRetries} (2). The key is
 * never logged: request and response logging stay off.
 */
@Extension
public class OpenAiJobWriter implements JobWriter {

    @Override
    public String name() {
        return "llm-enricher";
    }

    @Override
    public String describe(PluginContext context, JobBrief brief) throws WriterException {
        return LlmClient.chat(context, Prompts.jobDescription(brief));
    }
}
