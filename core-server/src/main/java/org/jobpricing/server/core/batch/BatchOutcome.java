package org.jobpricing.server.core.batch;

import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.failures.DomainException;

/** What became of one input row: its stored quote, or the error that row is answered with. */
public record BatchOutcome(long line, QuoteResponse quote, DomainException error) {}
