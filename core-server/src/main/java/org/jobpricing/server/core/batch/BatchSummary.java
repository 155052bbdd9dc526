package org.jobpricing.server.core.batch;

/** Counts of one batch. */
public record BatchSummary(long lines, long priced, long failed, double seconds) {}
