package org.jobpricing.server.core.batch;

import java.io.IOException;
import java.util.List;

/** Where a batch's outcomes go, chunk by chunk, each chunk only once its quotes are stored. */
public interface BatchSink {

    void start() throws IOException;

    void write(List<BatchOutcome> outcomes) throws IOException;

    void finish(BatchSummary summary) throws IOException;
}
