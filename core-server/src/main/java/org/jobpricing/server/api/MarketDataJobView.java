package org.jobpricing.server.api;

import java.time.Instant;
import java.util.List;
import org.jobpricing.plugin.api.Problem;

/**
 * One run of a market-data source: what started it, how it ended, rows in (sent by the source), out
 * (stored) and rejected, the problems found, and the cursor before and after.
 */
public record MarketDataJobView(
        long id,
        String plugin,
        String source,
        String trigger,
        Instant scheduledFor,
        String status,
        Instant startedAt,
        Instant finishedAt,
        int rowsIn,
        int rowsOut,
        int rowsRejected,
        List<Problem> problems,
        String cursorBefore,
        String cursorAfter,
        String server,
        String startedBy) {}
