package org.jobpricing.server.api;

/** Rows imported by a CSV upload. */
public record ImportResult(int imported) {}
