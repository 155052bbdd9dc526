package org.jobpricing.server.api;

import java.util.List;

/** A plugin found in the plugins directory: what it is, whether it runs, and what it provides. */
public record PluginView(String id, String version, String requires, String provider, String state, String problem,
                         List<String> marketDataSources, List<String> enrichers,
                         List<RefreshResult.SourceRefresh> lastRefresh) {
}
