package org.jobpricing.server.core.batch;

import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.failures.DomainException;

/** One input row of a batch: its line (CSV) or position (JSON), and the request or why it could not be read. */
public record BatchInput(long line, PricingRequest request, DomainException unreadable) {}
