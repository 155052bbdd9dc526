package org.jobpricing.server.api;

import java.util.List;
import org.jobpricing.plugin.api.Problem;

/** What a refresh from the market-data plugins did, per source. */
public record RefreshResult(List<SourceRefresh> sources) {

    /** One plugin source: rows stored, rows rejected and the problems found. */
    public record SourceRefresh(
            String plugin, String source, String status, int imported, int rejected, List<Problem> problems) {}
}
